using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Policies;

/// <summary>
/// Where a position inside a YAML scalar's value is in the YAML text, so an error in a rule's
/// expression is reported at its line and column in the file. One-line scalars and literal blocks
/// (|) map directly. Folded blocks (&gt;, &gt;-, which the presets use) and multi-line plain or
/// quoted scalars are folded by YAML (YAML 1.2 §6.5 "Line Folding", §8.1.3 "Folded Style"): each
/// line break between two text lines becomes a space, an empty line a line feed. The value is
/// rebuilt from the text with those rules, keeping each character's origin; when the rebuilt value
/// is not the parser's (escapes in a double-quoted scalar, say) the scalar's start is given, with
/// the position inside the expression in the message.
/// </summary>
internal static class ScalarPlace
{
    /// <summary>The YAML (line, column) of a 1-based (line, column) inside the scalar's value, and a suffix for the message when only the scalar's start is known.</summary>
    public static (long Line, long Column, string Suffix) Of(YamlScalarNode node, string text, long exprLine, long exprColumn)
    {
        if (exprLine < 1)
        {
            return (node.Start.Line, node.Start.Column, "");
        }

        var oneLine = node.Start.Line == node.End.Line;
        switch (node.Style)
        {
            case ScalarStyle.Plain when exprLine == 1 && oneLine:
                return (node.Start.Line, node.Start.Column + exprColumn - 1, "");
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when exprLine == 1 && oneLine:
                return (node.Start.Line, node.Start.Column + exprColumn, "");
            case ScalarStyle.Literal:
                var lines = text.Split('\n');
                var first = (int)node.Start.Line; // the indicator's line; content starts on the next one (index = line number)
                var indent = lines.Skip(first).FirstOrDefault(l => l.Trim().Length > 0) is { } content ? content.Length - content.TrimStart(' ').Length : 0;
                return (node.Start.Line + exprLine, indent + exprColumn, "");
        }

        if (Rebuild(node, text) is { } rebuilt && Offset(node.Value ?? "", exprLine, exprColumn) is { } offset && offset <= rebuilt.Origins.Count)
        {
            var (line, column) = offset < rebuilt.Origins.Count ? rebuilt.Origins[offset] : rebuilt.End;
            return (line, column, "");
        }

        return (node.Start.Line, node.Start.Column, $" (at line {exprLine}, column {exprColumn} of the expression)");
    }

    /// <summary>The value rebuilt from the text, with the 1-based (line, column) each character came from; null when it does not give the parser's value.</summary>
    private static Rebuilt? Rebuild(YamlScalarNode node, string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var pieces = node.Style switch
        {
            ScalarStyle.Folded => BlockPieces(node, lines),
            ScalarStyle.Plain => FlowPieces(node, lines, 0),
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => FlowPieces(node, lines, 1),
            _ => null,
        };
        if (pieces is null || pieces.Count == 0)
        {
            return null;
        }

        var value = new StringBuilder();
        var origins = new List<(long, long)>();
        Piece? previous = null;
        var blanks = 0;
        foreach (var piece in pieces)
        {
            if (piece.Text is null)
            {
                blanks++;
                continue;
            }

            if (previous is { } p)
            {
                // Folding: one break between two text lines is a space; each empty line is a line feed.
                // Around a more-indented line of a folded block, breaks are kept (§8.1.3).
                var end = (p.Line, p.Column + p.Text!.Length);
                var kept = p.MoreIndented || piece.MoreIndented;
                var breaks = blanks + (kept ? 1 : 0);
                for (var i = 0; i < breaks; i++)
                {
                    value.Append('\n');
                    origins.Add(end);
                }

                if (breaks == 0)
                {
                    value.Append(' ');
                    origins.Add(end);
                }
            }

            for (var i = 0; i < piece.Text.Length; i++)
            {
                value.Append(piece.Text[i]);
                origins.Add((piece.Line, piece.Column + i));
            }

            previous = piece;
            blanks = 0;
        }

        if (previous is not { } last)
        {
            return null;
        }

        return value.ToString() == (node.Value ?? "").TrimEnd('\n') ? new Rebuilt(origins, (last.Line, last.Column + last.Text!.Length)) : null;
    }

    /// <summary>A folded block's lines: from the line after the indicator, at the first text line's indentation.</summary>
    private static List<Piece>? BlockPieces(YamlScalarNode node, string[] lines)
    {
        var pieces = new List<Piece>();
        int? indent = null;
        for (var i = (int)node.Start.Line; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                pieces.Add(new Piece(i + 1, 0, null, false));
                continue;
            }

            var spaces = line.Length - line.TrimStart(' ').Length;
            indent ??= spaces;
            if (spaces < indent)
            {
                break;
            }

            pieces.Add(new Piece(i + 1, indent.Value + 1, line[indent.Value..], line[indent.Value] is ' ' or '\t'));
        }

        // Empty lines after the last text line are the block's trailing breaks (chomping), not part of the value.
        while (pieces.Count > 0 && pieces[^1].Text is null)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        return pieces;
    }

    /// <summary>A plain or quoted flow scalar's lines, from its start to its end mark, each trimmed of surrounding white space (§6.5).</summary>
    private static List<Piece>? FlowPieces(YamlScalarNode node, string[] lines, int quote)
    {
        var first = (int)node.Start.Line - 1;
        var last = (int)node.End.Line - 1;
        if (first < 0 || last >= lines.Length || last < first)
        {
            return null;
        }

        var pieces = new List<Piece>();
        for (var i = first; i <= last; i++)
        {
            var from = i == first ? (int)node.Start.Column - 1 + quote : 0;
            var to = i == last ? (int)node.End.Column - 1 - quote : lines[i].Length;
            if (from > to || to > lines[i].Length)
            {
                return null;
            }

            var segment = lines[i][from..to];
            var trimmed = i == first ? segment.TrimEnd(' ', '\t') : segment.Trim(' ', '\t');
            var lead = i == first ? 0 : segment.Length - segment.TrimStart(' ', '\t').Length;
            pieces.Add(trimmed.Length == 0 && i != first ? new Piece(i + 1, 0, null, false) : new Piece(i + 1, from + lead + 1, trimmed, false));
        }

        return pieces;
    }

    /// <summary>The 0-based offset in the value of a 1-based (line, column); null when outside it.</summary>
    private static int? Offset(string value, long line, long column)
    {
        var lines = value.Split('\n');
        if (line > lines.Length || column < 1 || column > lines[line - 1].Length + 1)
        {
            return null;
        }

        return lines.Take((int)line - 1).Sum(l => l.Length + 1) + (int)column - 1;
    }

    private readonly record struct Piece(long Line, long Column, string? Text, bool MoreIndented);

    private sealed record Rebuilt(IReadOnlyList<(long Line, long Column)> Origins, (long Line, long Column) End);
}
