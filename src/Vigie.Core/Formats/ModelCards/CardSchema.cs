using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// The structured model card: the union of Hugging Face card metadata, the CycloneDX 1.6
/// modelCard, the SPDX 3.0.1 AI profile and the fields EU AI Act Annex XI, the SB 53
/// transparency report and the GPAI Code of Practice Model Report ask for. A card is a JSON
/// object with one object per group, plus <c>extra</c> (keys of imported files that no field
/// holds, kept verbatim) and <c>sections</c> (the prose, split by headings).
/// </summary>
public static class CardSchema
{
    public const string Extra = "extra";
    public const string Sections = "sections";

    public static IReadOnlyList<CardGroup> Groups { get; } =
    [
        ModelFields.Group,
        UseFields.Group,
        TechnicalFields.Group,
        TrainingFields.Group,
        EnvironmentFields.Group,
        EvaluationFields.Group,
        RiskFields.Group,
    ];

    /// <summary>The prose of the card: one record per heading, in order.</summary>
    public static CardField SectionsField { get; } = Records(Sections, "Prose sections", "The Markdown body, split at its headings.", [
        Text("heading", "Heading", "The heading's text (empty for text before the first heading).", "", 1000),
        Integer("level", "Level", "1 for #, 2 for ## ... 0 for text before the first heading.", 0, 6),
        new CardField("text", CardFieldKind.Prose, "Text", "The Markdown under the heading.") { MaxLength = 60_000 },
    ]) with { MaxItems = 1000 };

    /// <summary>Every field of every group, in display order.</summary>
    public static IReadOnlyList<CardField> Fields { get; } = [.. Groups.SelectMany(g => g.Fields)];

    private static readonly Dictionary<string, CardField> ByPath = Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>The field at a path such as <c>training.computeFlop</c>, or null.</summary>
    public static CardField? Find(string path) => path == Sections ? SectionsField : ByPath.GetValueOrDefault(path);

    public static CardGroup? FindGroup(string name) => Groups.FirstOrDefault(g => g.Name == name);
}
