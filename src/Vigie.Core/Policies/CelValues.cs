using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// Converts JSON to the values rule programs evaluate: objects become
/// <c>Dictionary&lt;string, object?&gt;</c>, arrays <c>object?[]</c>, and every number a
/// <see cref="double"/>, as CEL's own JSON mapping (google.protobuf.Value) does, so a rule sees
/// the same type whether the dossier wrote 3 or 3.0. Reads values back along a
/// <see cref="ReadPath"/> for the gate result.
/// </summary>
internal static class CelValues
{
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>
    /// The value at a path in a JSON dossier: null when absent; for a path through
    /// <see cref="ReadPath.Each"/>, the list of values found in every element (absent ones left out).
    /// </summary>
    public static JsonNode? Read(JsonElement root, ReadPath path)
    {
        var found = new List<JsonElement>();
        var spread = false;
        Collect(root, path.Segments, 1, found, ref spread);
        if (spread)
        {
            return new JsonArray([.. found.Select(ToNode)]);
        }

        return found.Count == 0 ? null : ToNode(found[0]);
    }

    private static void Collect(JsonElement at, IReadOnlyList<string> segments, int index, List<JsonElement> found, ref bool spread)
    {
        if (index == segments.Count)
        {
            found.Add(at);
            return;
        }

        var segment = segments[index];
        if (segment == ReadPath.Each)
        {
            spread = true;
            if (at.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in at.EnumerateArray())
                {
                    Collect(item, segments, index + 1, found, ref spread);
                }
            }
            else if (at.ValueKind == JsonValueKind.Object && index + 1 == segments.Count)
            {
                // A macro over a map ranges over its keys.
                found.AddRange(at.EnumerateObject().Select(p => JsonSerializer.SerializeToElement(p.Name)));
            }

            return;
        }

        if (ReadPath.IsPosition(segment))
        {
            if (at.ValueKind == JsonValueKind.Array && int.TryParse(segment.AsSpan(1, segment.Length - 2), out var position) &&
                position >= 0 && position < at.GetArrayLength())
            {
                Collect(at[position], segments, index + 1, found, ref spread);
            }

            return;
        }

        if (at.ValueKind == JsonValueKind.Object && at.TryGetProperty(segment, out var child))
        {
            Collect(child, segments, index + 1, found, ref spread);
        }
    }

    private static JsonNode? ToNode(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(element.GetRawText());
}
