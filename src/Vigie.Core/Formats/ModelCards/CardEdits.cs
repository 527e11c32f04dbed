using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Changes to a card given as field path and typed text (<see cref="FieldText"/>), all checked
/// together: either every edit applies and the result is a valid card, or nothing does and every
/// problem is reported against its field.
/// </summary>
public static class CardEdits
{
    /// <summary>Which paths take edits: every catalogue field, <c>sections</c>, and <c>extra</c> or <c>extra.KEY</c> (JSON or text).</summary>
    public static bool IsEditable(string path) =>
        CardSchema.Find(path) is not null || path == CardSchema.Extra || (path.StartsWith("extra.", StringComparison.Ordinal) && path.Length > 6);

    public static CardParseResult Apply(ModelCard card, IEnumerable<KeyValuePair<string, string>> edits)
    {
        var root = card.ToJsonObject();
        var issues = new List<CardIssue>();
        foreach (var (path, text) in edits)
        {
            if (!TryValue(path, text, out var value, out var error))
            {
                issues.Add(new CardIssue(path, error!));
                continue;
            }

            Set(root, path, value);
        }

        // Check what did parse too, so one round trip reports every problem.
        var result = ModelCard.FromJson(root);
        return issues.Count == 0 ? result : new CardParseResult(null, [.. issues, .. result.Issues]);
    }

    private static bool TryValue(string path, string text, out JsonNode? value, out string? error)
    {
        value = null;
        error = null;
        if (path.StartsWith("extra.", StringComparison.Ordinal))
        {
            // A key of extra holds any JSON; text that is not JSON is kept as a string.
            if (FieldText.TryParse(new CardField(path, CardFieldKind.Records, path, ""), text, out value, out _))
            {
                return true;
            }

            value = JsonValue.Create(text.Trim());
            return true;
        }

        if (path == CardSchema.Extra)
        {
            return FieldText.TryParse(new CardField(path, CardFieldKind.Json, path, ""), text, out value, out error);
        }

        if (CardSchema.Find(path) is not { } field)
        {
            error = FieldRules.UnknownField(path, CardSchema.Fields.Select(f => f.Path).Append(CardSchema.Sections).Append(CardSchema.Extra));
            return false;
        }

        return path == CardSchema.Sections
            ? TrySections(text, out value)
            : FieldText.TryParse(field, text, out value, out error);
    }

    /// <summary>Sections are edited as one Markdown body and split at its headings.</summary>
    private static bool TrySections(string text, out JsonNode? value)
    {
        value = MarkdownSections.ToJson(MarkdownSections.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return true;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            root[path] = value;
            return;
        }

        var group = path[..dot];
        if (root[group] is not JsonObject fields)
        {
            fields = [];
            root[group] = fields;
        }

        fields[path[(dot + 1)..]] = value;
    }
}
