namespace Vigie.Core.Concerns;

/// <summary>
/// Crockford's base32 symbols (https://www.crockford.com/base32.html): digits and capitals
/// without I, L, O and U. Reading is forgiving the way Crockford specifies: lower case is
/// upper case, I and L read as 1, O reads as 0; hyphens and blanks are only for the eye.
/// </summary>
internal static class CrockfordBase32
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The canonical symbol for <paramref name="c"/>, or null when it is not one (U included).</summary>
    public static char? Normalize(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return upper switch
        {
            'I' or 'L' => '1',
            'O' => '0',
            _ when Alphabet.Contains(upper, StringComparison.Ordinal) => upper,
            _ => null,
        };
    }

    /// <summary>True for characters a person may type between symbols.</summary>
    public static bool IsSeparator(char c) => c is '-' || char.IsWhiteSpace(c);
}
