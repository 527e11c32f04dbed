namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// A README's YAML front matter and body. Front matter is present when the first line is
/// <c>---</c>; it ends at the next line that is <c>---</c> (or <c>...</c>). Text is expected with
/// LF line ends (callers normalise CRLF and strip a byte-order mark first).
/// </summary>
internal sealed record FrontMatter(string? Yaml, int YamlFirstLine, string Body)
{
    public static bool TrySplit(string text, out FrontMatter? result, out string? error)
    {
        result = null;
        error = null;
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstEnd < 0 ? text : text[..firstEnd];
        if (firstLine.TrimEnd(' ', '\t') != "---")
        {
            result = new FrontMatter(null, 0, text);
            return true;
        }

        var position = firstEnd + 1;
        var line = 2;
        while (firstEnd >= 0 && position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var current = end < 0 ? text[position..] : text[position..end];
            if (current.TrimEnd(' ', '\t') is "---" or "...")
            {
                result = new FrontMatter(text[(firstEnd + 1)..position], 2, end < 0 ? "" : text[(end + 1)..]);
                return true;
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        error = $"The YAML front matter opened by '---' on line 1 is never closed: add a line '---' after the metadata (the file has {line - 1} lines).";
        return false;
    }
}
