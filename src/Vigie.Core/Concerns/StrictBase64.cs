namespace Vigie.Core.Concerns;

/// <summary>
/// RFC 4648 §4 base64 that accepts exactly one spelling per byte string (padding required, no
/// whitespace, zero pad bits), so two texts of one envelope or key can never differ.
/// </summary>
internal static class StrictBase64
{
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(text, buffer, out var written))
        {
            return false;
        }

        var decoded = buffer[..written];
        if (!text.SequenceEqual(Convert.ToBase64String(decoded)))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
