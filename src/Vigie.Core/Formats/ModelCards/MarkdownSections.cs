using System.Text;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Splits a Markdown body into sections at its ATX headings (<c>#</c> to <c>######</c>, up to
/// three spaces of indent, CommonMark §4.2) and joins them back. Lines inside fenced code blocks
/// (CommonMark §4.5) are never headings: a <c># comment</c> in a Python example stays in its
/// section. Each section's text keeps its lines verbatim, without leading or trailing blank lines.
/// </summary>
public static class MarkdownSections
{
    public static IReadOnlyList<CardSection> Split(string body)
    {
        var sections = new List<CardSection>();
        var heading = "";
        var level = 0;
        var lines = new List<string>();
        string? fence = null;
        foreach (var line in body.Split('\n'))
        {
            if (fence is null && HeadingOf(line) is { } h)
            {
                Flush();
                (heading, level) = h;
                continue;
            }

            fence = NextFence(fence, line);
            lines.Add(line);
        }

        Flush();
        return sections;

        void Flush()
        {
            var text = Trim(lines);
            if (level > 0 || text.Length > 0)
            {
                sections.Add(new CardSection(heading, level, text));
            }

            lines.Clear();
        }
    }

    public static string Join(IReadOnlyList<CardSection> sections)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (section.Level > 0)
            {
                text.Append('#', section.Level);
                if (section.Heading.Length > 0)
                {
                    text.Append(' ').Append(section.Heading);
                }

                text.Append('\n');
                if (section.Text.Length > 0)
                {
                    text.Append('\n');
                }
            }

            if (section.Text.Length > 0)
            {
                text.Append(section.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    public static JsonArray ToJson(IReadOnlyList<CardSection> sections) =>
        new([.. sections.Select(s => (JsonNode)new JsonObject { ["heading"] = s.Heading, ["level"] = s.Level, ["text"] = s.Text })]);

    /// <summary>Whether a text opens a code fence it does not close (a heading after it would not be one).</summary>
    public static bool LeavesFenceOpen(string text)
    {
        string? fence = null;
        foreach (var line in text.Split('\n'))
        {
            fence = NextFence(fence, line);
        }

        return fence is not null;
    }

    /// <summary>The heading text and level of an ATX heading line, or null.</summary>
    private static (string Heading, int Level)? HeadingOf(string line)
    {
        var indent = 0;
        while (indent < line.Length && indent < 4 && line[indent] == ' ')
        {
            indent++;
        }

        if (indent > 3)
        {
            return null;
        }

        var hashes = 0;
        while (indent + hashes < line.Length && line[indent + hashes] == '#')
        {
            hashes++;
        }

        var rest = indent + hashes;
        if (hashes is < 1 or > 6 || (rest < line.Length && line[rest] is not (' ' or '\t')))
        {
            return null;
        }

        return (line[rest..].Trim(), hashes);
    }

    /// <summary>The open fence after this line: opens on ``` or ~~~ (3 or more), closes on the same character at least as long.</summary>
    private static string? NextFence(string? open, string line)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 3 || trimmed[0] is not ('`' or '~'))
        {
            return open;
        }

        var marker = trimmed[0];
        var run = trimmed.TakeWhile(c => c == marker).Count();
        if (run < 3)
        {
            return open;
        }

        if (open is null)
        {
            return new string(marker, run);
        }

        return open[0] == marker && run >= open.Length && trimmed[run..].Trim().Length == 0 ? null : open;
    }

    private static string Trim(List<string> lines)
    {
        var first = lines.FindIndex(l => !string.IsNullOrWhiteSpace(l));
        if (first < 0)
        {
            return "";
        }

        var last = lines.FindLastIndex(l => !string.IsNullOrWhiteSpace(l));
        return string.Join('\n', lines.GetRange(first, last - first + 1));
    }
}
