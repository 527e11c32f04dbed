using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>Small, exact readers over System.Text.Json nodes, whatever they were built from.</summary>
internal static class JsonNodes
{
    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = "";
        if (KindOf(node) != JsonValueKind.String)
        {
            return false;
        }

        value = node!.GetValue<string>();
        return true;
    }

    /// <summary>Reads a number through its JSON text, so values built from int, long, double or parsed text agree.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return KindOf(node) == JsonValueKind.Number &&
               double.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) &&
               double.IsFinite(value);
    }

    public static string? StringOrNull(JsonNode? node) => TryGetString(node, out var s) ? s : null;

    /// <summary>How a value's type is named in messages.</summary>
    public static string Describe(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>A number node that serialises the same way everywhere (canonical ECMAScript form).</summary>
    public static JsonNode Number(double value) => JsonNode.Parse(Json.Jcs.SerializeNumber(value))!;

    /// <summary>A copy in which every number is written in its canonical form (1e24 → 1e+24, 1.0 → 1).</summary>
    public static JsonNode? CanonicalNumbers(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, CanonicalNumbers(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(CanonicalNumbers)]),
        _ when TryGetDouble(node, out var d) => Number(d),
        _ => node?.DeepClone(),
    };

    /// <summary>Whether a value says nothing: null, blank text, or an empty list or object.</summary>
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => TryGetString(node, out var s) && string.IsNullOrWhiteSpace(s),
    };
}
