namespace Vigie.Server.Http;

/// <summary>Checks free-text fields: length bounds and no control characters (newlines only where allowed).</summary>
public static class TextRules
{
    public static string? Check(string field, string value, int min, int max, bool multiline = false)
    {
        if (value.Length < min)
        {
            return min == 1 ? $"{field} cannot be empty." : $"{field} needs at least {min} characters.";
        }

        if (value.Length > max)
        {
            return $"{field} is {value.Length} characters; at most {max} are allowed.";
        }

        foreach (var ch in value)
        {
            if (char.IsControl(ch) && !(multiline && (ch == '\n' || ch == '\t')))
            {
                return $"{field} contains a control character (U+{(int)ch:X4}).";
            }
        }

        return null;
    }
}
