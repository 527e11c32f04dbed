namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// One known field of a model card: its path (e.g. <c>training.computeFlop</c>), kind and limits,
/// a label and help for people, and where it comes from in the formats Vigie reads and writes.
/// Fields of <see cref="CardFieldKind.Records"/> have <see cref="Children"/> whose paths are
/// relative to one record (e.g. <c>groupAtRisk</c>).
/// </summary>
public sealed record CardField(string Path, CardFieldKind Kind, string Label, string Help)
{
    /// <summary>The allowed values of an <see cref="CardFieldKind.Enum"/> field.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>Inclusive bounds of a numeric field.</summary>
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>Longest text (characters) of a text field or of each list item.</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Most items of a list or records field.</summary>
    public int MaxItems { get; init; } = 500;

    /// <summary>The fields of one record (for <see cref="CardFieldKind.Records"/>).</summary>
    public IReadOnlyList<CardField> Children { get; init; } = [];

    /// <summary>Where the field is found in other formats (shown as help and in docs).</summary>
    public string Sources { get; init; } = "";

    public const int DefaultMaxLength = 500;
    public const int ProseMaxLength = 20_000;

    /// <summary>The last segment of the path: the JSON property name.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The first segment of the path: the group object the field lives in.</summary>
    public string Group => Path.Contains('.', StringComparison.Ordinal) ? Path[..Path.IndexOf('.', StringComparison.Ordinal)] : "";

    public bool IsList => Kind is CardFieldKind.TokenList or CardFieldKind.TextList or CardFieldKind.Records;
}
