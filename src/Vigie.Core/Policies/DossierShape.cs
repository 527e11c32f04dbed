using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// Walks the dossier schema (<see cref="DossierSchema"/>) along a read path, so a misspelled
/// field is an error at load in every branch of a rule, not only in the branches a dry run
/// reaches; and derives the minimal sample (only required fields) from the full one.
/// </summary>
internal static class DossierShape
{
    /// <summary>The outcome of following a path: its schema node, or open (no schema below), or an error.</summary>
    public readonly record struct Step(JsonElement Node, bool Open, string? Error);

    public static Step Follow(ReadPath path)
    {
        var node = DossierSchema.Root;
        var walked = ReadPath.Dossier;
        foreach (var segment in path.Segments.Skip(1))
        {
            var step = Child(node, segment, walked);
            if (step.Open || step.Error is not null)
            {
                return step;
            }

            node = step.Node;
            walked = walked.Append(segment);
        }

        return new Step(node, false, null);
    }

    /// <summary>The allowed strings of a node with <c>enum</c> (or a string <c>const</c>), or null.</summary>
    public static IReadOnlyList<string>? StringsOf(JsonElement node)
    {
        if (node.TryGetProperty("enum", out var values))
        {
            return [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
        }

        return node.TryGetProperty("const", out var single) && single.ValueKind == JsonValueKind.String ? [single.GetString()!] : null;
    }

    /// <summary>
    /// The sample reduced to what every dossier has: required fields only, each list with one
    /// element reduced the same way. A rule that fails on it reads an optional part unguarded.
    /// </summary>
    public static JsonNode? Minimal(JsonElement sample) => Reduce(DossierSchema.Root, sample);

    /// <summary>Schema paths (JSON Pointer-like) that the sample leaves out: must be none, so a dry run reaches every field.</summary>
    public static IReadOnlyList<string> UnfilledBySample()
    {
        var missing = new List<string>();
        Unfilled(DossierSchema.Root, DossierSchema.Sample, "", missing);
        return missing;
    }

    private static Step Child(JsonElement node, string segment, ReadPath walked)
    {
        node = Resolve(node);
        if (segment == ReadPath.Each || ReadPath.IsPosition(segment))
        {
            if (node.TryGetProperty("items", out var items))
            {
                return new Step(Resolve(items), false, null);
            }

            // A macro over an object iterates its keys (strings): nothing below to check.
            return IsType(node, "array") || IsType(node, "object")
                ? new Step(default, true, null)
                : new Step(default, false, $"{walked} is {Describe(node)}, not a list.");
        }

        if (node.TryGetProperty("properties", out var properties))
        {
            if (properties.TryGetProperty(segment, out var child))
            {
                return new Step(Resolve(child), false, null);
            }

            if (node.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object)
            {
                return new Step(Resolve(extra), false, null);
            }

            var known = string.Join(", ", properties.EnumerateObject().Select(p => p.Name));
            return new Step(default, false, $"{walked} has no field '{segment}' in dossier schema {DossierSchema.Version}; its fields are: {known}.");
        }

        return IsType(node, "object") && !node.TryGetProperty("additionalProperties", out _)
            ? new Step(default, true, null)
            : new Step(default, false, $"{walked} is {Describe(node)}; it has no field '{segment}'.");
    }

    private static JsonElement Resolve(JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
        {
            const string Prefix = "#/$defs/";
            var name = reference.GetString()!;
            node = DossierSchema.Root.GetProperty("$defs").GetProperty(name[Prefix.Length..]);
        }

        return node;
    }

    private static bool IsType(JsonElement node, string type) =>
        node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type;

    private static string Describe(JsonElement node)
    {
        if (StringsOf(node) is { } strings)
        {
            return $"a text (one of {string.Join(", ", strings)})";
        }

        if (node.TryGetProperty("const", out _))
        {
            return "a number";
        }

        return node.TryGetProperty("type", out var t) ? t.GetString() switch
        {
            "string" => "a text",
            "number" or "integer" => "a number",
            "boolean" => "true or false",
            "array" => "a list",
            _ => "a value",
        } : "a value";
    }

    private static JsonNode? Reduce(JsonElement schema, JsonElement value)
    {
        schema = Resolve(schema);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when schema.TryGetProperty("properties", out var properties):
                var required = schema.TryGetProperty("required", out var r)
                    ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                var reduced = new JsonObject();
                foreach (var field in value.EnumerateObject().Where(f => required.Contains(f.Name)))
                {
                    reduced[field.Name] = properties.TryGetProperty(field.Name, out var child) ? Reduce(child, field.Value) : JsonNode.Parse(field.Value.GetRawText());
                }

                return reduced;
            case JsonValueKind.Object:
                // An open object (a card group): every key in it may be absent.
                return new JsonObject();
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                return value.GetArrayLength() == 0 ? new JsonArray() : new JsonArray(Reduce(items, value[0]));
            default:
                return JsonNode.Parse(value.GetRawText());
        }
    }

    private static void Unfilled(JsonElement schema, JsonElement value, string at, List<string> missing)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(property.Name, out var child))
                {
                    missing.Add($"{at}/{property.Name}");
                    continue;
                }

                Unfilled(property.Value, child, $"{at}/{property.Name}", missing);
            }
        }
        else if (schema.TryGetProperty("items", out var items) && Resolve(items).TryGetProperty("properties", out _))
        {
            // Lists of records need one element with every field; lists of plain values may be empty.
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                missing.Add($"{at}/0");
                return;
            }

            Unfilled(items, value[0], $"{at}/0", missing);
        }
    }
}
