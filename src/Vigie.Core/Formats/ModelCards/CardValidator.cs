using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>Checks a (normalized) card against <see cref="CardSchema"/>: every problem, each with its field path.</summary>
internal static class CardValidator
{
    public static List<CardIssue> Validate(JsonNode? root)
    {
        var issues = new List<CardIssue>();
        if (root is not JsonObject card)
        {
            issues.Add(new CardIssue("", $"A model card must be a JSON object; got {JsonNodes.Describe(root)}."));
            return issues;
        }

        foreach (var (key, value) in card)
        {
            var group = CardSchema.FindGroup(key);
            if (group is not null)
            {
                if (value is JsonObject fields)
                {
                    FieldRules.CheckObject(group.Fields, fields, key, issues);
                }
                else
                {
                    issues.Add(new CardIssue(key, $"must be an object of {group.Title.ToLowerInvariant()} fields; got {JsonNodes.Describe(value)}."));
                }
            }
            else if (key == CardSchema.Extra)
            {
                if (value is not JsonObject)
                {
                    issues.Add(new CardIssue(key, $"must be an object; got {JsonNodes.Describe(value)}."));
                }
            }
            else if (key == CardSchema.Sections)
            {
                FieldRules.Check(CardSchema.SectionsField, value, key, issues);
            }
            else
            {
                var known = CardSchema.Groups.Select(g => g.Name).Append(CardSchema.Extra).Append(CardSchema.Sections);
                issues.Add(new CardIssue(key, FieldRules.UnknownField(key, known)));
            }
        }

        if (issues.Count == 0)
        {
            CheckAcrossFields(card, issues);
        }

        return issues;
    }

    private static void CheckAcrossFields(JsonObject card, List<CardIssue> issues)
    {
        var start = JsonNodes.StringOrNull(card["training"]?["startDate"]);
        var end = JsonNodes.StringOrNull(card["training"]?["endDate"]);
        if (start is not null && end is not null && string.CompareOrdinal(end, start) < 0)
        {
            issues.Add(new CardIssue("training.endDate", $"is before the training start ({start})."));
        }

        CheckSections(card[CardSchema.Sections] as JsonArray, issues);
    }

    /// <summary>Sections must survive being written as Markdown and read back: no heading inside a text.</summary>
    private static void CheckSections(JsonArray? sections, List<CardIssue> issues)
    {
        for (var i = 0; sections is not null && i < sections.Count; i++)
        {
            var path = CardPath.Item(CardSchema.Sections, i);
            var level = JsonNodes.TryGetDouble(sections[i]?["level"], out var l) ? (int)l : -1;
            if (level < 0)
            {
                issues.Add(new CardIssue(CardPath.Child(path, "level"), "is required: 1-6 for a heading, 0 for text before the first heading."));
            }
            else if (level == 0 && (i > 0 || !JsonNodes.IsEmpty(sections[i]?["heading"])))
            {
                issues.Add(new CardIssue(CardPath.Child(path, "level"), "0 is only for the text before the first heading: the first section, without a heading."));
            }

            var text = JsonNodes.StringOrNull(sections[i]?["text"]) ?? "";
            var split = MarkdownSections.Split(text);
            if (split.Count > 1 || split.Any(s => s.Level > 0))
            {
                issues.Add(new CardIssue(CardPath.Child(path, "text"), "contains a Markdown heading line; put each heading in its own section."));
            }
            else if (i < sections.Count - 1 && MarkdownSections.LeavesFenceOpen(text))
            {
                issues.Add(new CardIssue(CardPath.Child(path, "text"), "opens a code fence (``` or ~~~) it does not close, which would swallow the headings after it."));
            }
        }
    }

    /// <summary>The card's fields in catalogue order (stable display and export order).</summary>
    public static JsonObject Ordered(JsonObject card)
    {
        var ordered = new JsonObject();
        foreach (var group in CardSchema.Groups)
        {
            if (card[group.Name] is JsonObject fields)
            {
                ordered[group.Name] = OrderedFields(group.Fields, fields);
            }
        }

        if (card[CardSchema.Extra] is { } extra)
        {
            ordered[CardSchema.Extra] = extra.DeepClone();
        }

        if (card[CardSchema.Sections] is JsonArray sections)
        {
            ordered[CardSchema.Sections] = OrderedRecords(CardSchema.SectionsField, sections);
        }

        return ordered;
    }

    private static JsonObject OrderedFields(IReadOnlyList<CardField> fields, JsonObject value)
    {
        var ordered = new JsonObject();
        foreach (var field in fields)
        {
            if (value[field.Name] is { } item)
            {
                ordered[field.Name] = field.Kind == CardFieldKind.Records && item is JsonArray records
                    ? OrderedRecords(field, records)
                    : item.DeepClone();
            }
        }

        return ordered;
    }

    private static JsonArray OrderedRecords(CardField field, JsonArray records) =>
        new([.. records.Select(r => (JsonNode)OrderedFields(field.Children, (JsonObject)r!))]);
}
