using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// State of one import: where each value was in the file (for warnings that name the line) and
/// the checks that decide whether a value goes into its field or is kept aside verbatim.
/// </summary>
internal sealed class ImportContext(IReadOnlyDictionary<JsonNode, Mark> positions, int firstLine)
{
    public List<string> Warnings { get; } = [];

    /// <summary>
    /// The value made to fit the field if it can be (a single string where a list is expected, a
    /// number among tags), or null with the reason it cannot.
    /// </summary>
    public JsonNode? Fit(CardField field, JsonNode? value, out string? problem)
    {
        var fitted = Coerce(field, value);
        var issues = new List<CardIssue>();
        FieldRules.Check(field, fitted, field.Name, issues);
        problem = issues.Count == 0 ? null : string.Join(" ", issues.Select(i => i.Path == field.Name ? i.Message : $"{i.Path} {i.Message}"));
        return problem is null ? fitted : null;
    }

    public void KeptAside(string origin, JsonNode? value, string problem, string where) =>
        Warnings.Add($"{Line(value)}'{origin}' {problem.TrimEnd('.')}; kept verbatim in {where}.");

    public string Line(JsonNode? value) =>
        value is not null && positions.TryGetValue(value, out var mark)
            ? string.Create(CultureInfo.InvariantCulture, $"line {mark.Line + firstLine - 1}: ")
            : "";

    private static JsonNode? Coerce(CardField field, JsonNode? value)
    {
        if (field.Kind is not (CardFieldKind.TokenList or CardFieldKind.TextList))
        {
            return value?.DeepClone();
        }

        return value switch
        {
            JsonArray list => new JsonArray([.. list.Select(ItemText)]),
            JsonValue scalar => new JsonArray(ItemText(scalar)),
            _ => value?.DeepClone(),
        };
    }

    /// <summary>List items written as numbers or booleans in YAML (tags: [2023]) are text.</summary>
    private static JsonNode? ItemText(JsonNode? item) => JsonNodes.KindOf(item) switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JsonValue.Create(item!.ToJsonString()),
        _ => item?.DeepClone(),
    };
}
