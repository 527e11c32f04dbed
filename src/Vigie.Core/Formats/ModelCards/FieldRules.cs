using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Checks one value against its field: type, length, range, enumeration, format. Messages say
/// what the value must be and what it was, so a person can fix it without reading the schema.
/// </summary>
internal static class FieldRules
{
    public static void Check(CardField field, JsonNode? value, string path, List<CardIssue> issues)
    {
        switch (field.Kind)
        {
            case CardFieldKind.Text:
            case CardFieldKind.Prose:
            case CardFieldKind.Url:
            case CardFieldKind.Date:
            case CardFieldKind.Enum:
                AddIf(issues, path, CheckString(field, value));
                break;
            case CardFieldKind.Integer:
            case CardFieldKind.Number:
                AddIf(issues, path, CheckNumber(field, value));
                break;
            case CardFieldKind.NumberOrText:
                AddIf(issues, path, JsonNodes.KindOf(value) switch
                {
                    JsonValueKind.Number => CheckNumber(field, value),
                    JsonValueKind.String => CheckText(JsonNodes.StringOrNull(value)!, 200, multiline: false),
                    _ => $"must be a number or text; got {JsonNodes.Describe(value)}.",
                });
                break;
            case CardFieldKind.Boolean:
                AddIf(issues, path, JsonNodes.KindOf(value) is JsonValueKind.True or JsonValueKind.False
                    ? null
                    : $"must be true or false; got {JsonNodes.Describe(value)}.");
                break;
            case CardFieldKind.TokenList:
            case CardFieldKind.TextList:
                CheckList(field, value, path, issues);
                break;
            case CardFieldKind.Map:
                CheckMap(field, value, path, issues);
                break;
            case CardFieldKind.Records:
                CheckRecords(field, value, path, issues);
                break;
            case CardFieldKind.Json:
                AddIf(issues, path, value is JsonObject ? null : $"must be an object; got {JsonNodes.Describe(value)}.");
                break;
            default:
                throw new InvalidOperationException($"Unhandled field kind {field.Kind}.");
        }
    }

    private static void AddIf(List<CardIssue> issues, string path, string? message)
    {
        if (message is not null)
        {
            issues.Add(new CardIssue(path, message));
        }
    }

    private static string? CheckString(CardField field, JsonNode? value)
    {
        if (!JsonNodes.TryGetString(value, out var s))
        {
            return field.Kind == CardFieldKind.Enum
                ? $"must be one of {string.Join(", ", field.Allowed)}; got {JsonNodes.Describe(value)}."
                : $"must be text; got {JsonNodes.Describe(value)}.";
        }

        return field.Kind switch
        {
            CardFieldKind.Enum => field.Allowed.Contains(s, StringComparer.Ordinal)
                ? null
                : $"must be one of {string.Join(", ", field.Allowed)}; got '{Shorten(s)}'.",
            CardFieldKind.Date => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : $"must be a date written yyyy-MM-dd, e.g. 2026-03-01; got '{Shorten(s)}'.",
            CardFieldKind.Url => CheckText(s, field.MaxLength, multiline: false) ?? CheckUrl(s),
            _ => CheckText(s, field.MaxLength, field.Kind == CardFieldKind.Prose),
        };
    }

    public static string? CheckText(string s, int maxLength, bool multiline)
    {
        if (s.Length > maxLength)
        {
            return $"is {s.Length} characters long; at most {maxLength} are allowed.";
        }

        foreach (var c in s)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\t'))
            {
                return c == '\n'
                    ? "must be one line (no line breaks)."
                    : $"contains a control character (U+{(int)c:X4}).";
            }
        }

        return null;
    }

    private static string? CheckUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)
            ? null
            : $"must be an absolute http(s) URL, e.g. https://example.org/; got '{Shorten(s)}'.";

    private static string? CheckNumber(CardField field, JsonNode? value)
    {
        if (!JsonNodes.TryGetDouble(value, out var d))
        {
            var example = field.Kind == CardFieldKind.Integer ? "a whole number" : "a number";
            return JsonNodes.TryGetString(value, out var s)
                ? $"must be {example}, not text; got '{Shorten(s)}'."
                : $"must be {example}; got {JsonNodes.Describe(value)}.";
        }

        if (field.Kind == CardFieldKind.Integer && Math.Floor(d) != d)
        {
            return $"must be a whole number; got {Json.Jcs.SerializeNumber(d)}.";
        }

        if (d < field.Minimum || d > field.Maximum)
        {
            return $"must be between {Json.Jcs.SerializeNumber(field.Minimum!.Value)} and {Json.Jcs.SerializeNumber(field.Maximum!.Value)}; got {Json.Jcs.SerializeNumber(d)}.";
        }

        return null;
    }

    private static void CheckList(CardField field, JsonNode? value, string path, List<CardIssue> issues)
    {
        if (Items(field, value, path, "text", issues) is not { } list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = CardPath.Item(path, i);
            if (!JsonNodes.TryGetString(list[i], out var s))
            {
                issues.Add(new CardIssue(itemPath, $"must be text; got {JsonNodes.Describe(list[i])}."));
                continue;
            }

            var tokens = field.Kind == CardFieldKind.TokenList;
            AddIf(issues, itemPath, CheckText(s, field.MaxLength, multiline: !tokens) ??
                (tokens && s.Contains(',', StringComparison.Ordinal) ? "must not contain a comma (items are written comma-separated)." : null));
        }
    }

    /// <summary>The value as a list within the field's size, or null after reporting why not.</summary>
    private static JsonArray? Items(CardField field, JsonNode? value, string path, string of, List<CardIssue> issues)
    {
        if (value is not JsonArray list)
        {
            issues.Add(new CardIssue(path, $"must be a list of {of}; got {JsonNodes.Describe(value)}."));
            return null;
        }

        if (list.Count > field.MaxItems)
        {
            issues.Add(new CardIssue(path, $"has {list.Count} items; at most {field.MaxItems} are allowed."));
            return null;
        }

        return list;
    }

    private static void CheckMap(CardField field, JsonNode? value, string path, List<CardIssue> issues)
    {
        if (value is not JsonObject map)
        {
            issues.Add(new CardIssue(path, $"must be an object of names to text values; got {JsonNodes.Describe(value)}."));
            return;
        }

        if (map.Count > field.MaxItems)
        {
            issues.Add(new CardIssue(path, $"has {map.Count} entries; at most {field.MaxItems} are allowed."));
            return;
        }

        foreach (var (key, item) in map)
        {
            var itemPath = CardPath.Child(path, key);
            AddIf(issues, itemPath, CheckText(key, 200, multiline: false) is { } badKey ? "name " + badKey
                : key.Contains('=', StringComparison.Ordinal) ? "name must not contain '='." : null);
            AddIf(issues, itemPath, JsonNodes.TryGetString(item, out var s)
                ? CheckText(s, field.MaxLength, multiline: false)
                : $"must be text; got {JsonNodes.Describe(item)}.");
        }
    }

    private static void CheckRecords(CardField field, JsonNode? value, string path, List<CardIssue> issues)
    {
        if (Items(field, value, path, "objects", issues) is not { } list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = CardPath.Item(path, i);
            if (list[i] is not JsonObject record)
            {
                issues.Add(new CardIssue(itemPath, $"must be an object; got {JsonNodes.Describe(list[i])}."));
                continue;
            }

            CheckObject(field.Children, record, itemPath, issues);
        }
    }

    /// <summary>Checks an object's keys against known fields: unknown keys are errors that suggest the nearest name.</summary>
    public static void CheckObject(IReadOnlyList<CardField> fields, JsonObject value, string path, List<CardIssue> issues)
    {
        foreach (var (key, item) in value)
        {
            var child = fields.FirstOrDefault(f => f.Name == key);
            var childPath = CardPath.Child(path, key);
            if (child is null)
            {
                issues.Add(new CardIssue(childPath, UnknownField(key, fields.Select(f => f.Name))));
                continue;
            }

            Check(child, item, childPath, issues);
        }
    }

    public static string UnknownField(string key, IEnumerable<string> known)
    {
        var nearest = known
            .Select(k => (Name: k, Distance: Distance(key.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .FirstOrDefault();
        return nearest is null
            ? "is not a known field (keys Vigie does not know belong in 'extra')."
            : $"is not a known field; did you mean '{nearest}'?";
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }

    public static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
