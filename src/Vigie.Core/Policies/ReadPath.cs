using System.Text;

namespace Vigie.Core.Policies;

/// <summary>
/// A path into the dossier that a rule reads, from the root variable <c>dossier</c>: field names,
/// <see cref="Each"/> for every element of a list (a macro variable such as <c>e</c> in
/// <c>dossier.evaluations.all(e, ...)</c>), or a list position. Written as CEL would select it:
/// <c>dossier.card.profiles["sb53-transparency"].complete</c>, <c>dossier.evaluations[*].score</c>.
/// </summary>
internal sealed class ReadPath : IEquatable<ReadPath>
{
    public const string Root = "dossier";
    public const string Each = "[*]";

    private ReadPath(IReadOnlyList<string> segments)
    {
        Segments = segments;
        Text = Render(segments);
        Spreads = segments.Contains(Each);
    }

    public static ReadPath Dossier { get; } = new([Root]);

    /// <summary>The root <c>dossier</c>, then field names, <see cref="Each"/> or <c>[n]</c>.</summary>
    public IReadOnlyList<string> Segments { get; }

    public string Text { get; }

    /// <summary>Whether the path goes through <see cref="Each"/>, so it reads a list of values.</summary>
    public bool Spreads { get; }

    public ReadPath Append(string segment) => new([.. Segments, segment]);

    public static bool IsPosition(string segment) => segment.Length > 2 && segment[0] == '[' && segment[^1] == ']';

    /// <summary>Whether this path is <paramref name="other"/> or lies below it.</summary>
    public bool StartsWith(ReadPath other) =>
        other.Segments.Count <= Segments.Count && other.Segments.Select((s, i) => s == Segments[i]).All(x => x);

    public bool Equals(ReadPath? other) => other is not null && other.Text == Text;

    public override bool Equals(object? obj) => Equals(obj as ReadPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    private static string Render(IReadOnlyList<string> segments)
    {
        var text = new StringBuilder(segments[0]);
        foreach (var segment in segments.Skip(1))
        {
            if (IsPosition(segment))
            {
                text.Append(segment);
            }
            else if (IsIdentifier(segment))
            {
                text.Append('.').Append(segment);
            }
            else
            {
                // Keys such as "sb53-transparency" are not CEL identifiers: show them as a CEL index.
                text.Append("[\"").Append(segment.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
            }
        }

        return text.ToString();
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
