using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Json;

namespace Vigie.Core.Policies;

/// <summary>
/// Converts JSON to the values rule programs evaluate: objects become
/// <c>Dictionary&lt;string, object?&gt;</c>, arrays <c>object?[]</c>, and every number a
/// <see cref="double"/>, as CEL's own JSON mapping (google.protobuf.Value) does, so a rule sees
/// the same type whether the dossier wrote 3 or 3.0. Reads values along a <see cref="ReadPath"/>
/// for the gate result, and writes them back as JSON (numbers as RFC 8785 writes them).
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
    /// The value at a path: null when absent; for a path through <see cref="ReadPath.Each"/>, the
    /// list of values found in every element (absent ones left out).
    /// </summary>
    public static object? Read(object? root, ReadPath path)
    {
        if (!path.Spreads)
        {
            var at = root;
            for (var i = 1; i < path.Segments.Count && at is not null; i++)
            {
                at = Step(at, path.Segments[i]);
            }

            return at;
        }

        var found = new List<object?>();
        Collect(root, path.Segments, 1, found);
        return found.ToArray();
    }

    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        double d => JsonNode.Parse(Jcs.SerializeNumber(d)),
        object?[] list => new JsonArray([.. list.Select(ToJsonNode)]),
        Dictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToJsonNode(p.Value)))),
        _ => throw new InvalidOperationException($"A dossier value is never a {value.GetType().Name}."),
    };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case double d:
                WriteNumber(writer, d);
                break;
            case object?[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"A dossier value is never a {value.GetType().Name}.");
        }
    }

    /// <summary>
    /// Writes a number as RFC 8785 (ECMAScript Number::toString) does. Common cases take short
    /// cuts with the same output: integers below 2^53 in magnitude (exact, so all their digits count);
    /// numbers from 10^-4 to 10^15, and from 10^21 up, where .NET's shortest round-trip form ("R")
    /// has the same digits and the same layout but for the case of its exponent letter. The rest
    /// goes through <see cref="Jcs.SerializeNumber"/>; a test holds them equal.
    /// </summary>
    internal static void WriteNumber(Utf8JsonWriter writer, double d)
    {
        var magnitude = Math.Abs(d);
        if (magnitude < 9007199254740992 && d == Math.Floor(d))
        {
            writer.WriteNumberValue((long)d);
        }
        else if (magnitude is >= 1e-4 and < 1e15 || magnitude >= 1e21)
        {
            Span<byte> buffer = stackalloc byte[32];
            d.TryFormat(buffer, out var written, "R", System.Globalization.CultureInfo.InvariantCulture);
            var text = buffer[..written];
            var e = text.IndexOf((byte)'E');
            if (e >= 0)
            {
                text[e] = (byte)'e';
            }

            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(Jcs.SerializeNumber(d), skipInputValidation: true);
        }
    }

    private static object? Step(object at, string segment)
    {
        if (ReadPath.IsPosition(segment))
        {
            return at is object?[] list && int.TryParse(segment.AsSpan(1, segment.Length - 2), out var position) && position >= 0 && position < list.Length
                ? list[position]
                : null;
        }

        return at is Dictionary<string, object?> map && map.TryGetValue(segment, out var child) ? child : null;
    }

    private static void Collect(object? at, IReadOnlyList<string> segments, int index, List<object?> found)
    {
        if (at is null)
        {
            return;
        }

        if (index == segments.Count)
        {
            found.Add(at);
            return;
        }

        var segment = segments[index];
        if (segment != ReadPath.Each)
        {
            Collect(Step(at, segment), segments, index + 1, found);
        }
        else if (at is object?[] list)
        {
            foreach (var item in list)
            {
                Collect(item, segments, index + 1, found);
            }
        }
        else if (at is Dictionary<string, object?> map && index + 1 == segments.Count)
        {
            // A macro over a map ranges over its keys.
            found.AddRange(map.Keys);
        }
    }
}
