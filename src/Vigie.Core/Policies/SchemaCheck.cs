using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigie.Core.Policies;

/// <summary>
/// Checks a dossier against the dossier schema in one pass, reading the schema itself, for the
/// keywords that schema uses: $ref, type, const, enum, properties, required,
/// additionalProperties, items, maxItems, minLength, maxLength, pattern, minimum, maximum and
/// format date-time. A general validator (JsonSchema.Net) took 2–3 ms per 10 KB dossier, more
/// than the whole gate; a test holds this one to the same verdicts on valid and broken dossiers.
/// A keyword the schema gains later and this class does not know fails loudly in that test.
/// </summary>
internal static class SchemaCheck
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "properties", "required",
        "additionalProperties", "items", "maxItems", "minLength", "maxLength", "pattern", "minimum", "maximum", "format",
    };

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Validate(JsonElement root, JsonElement value)
    {
        var errors = new List<string>();
        Check(root, root, value, "", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = root.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..]);
        }

        var where = at.Length == 0 ? "the dossier" : at;
        if (schema.TryGetProperty("const", out var constant) && !SameConstant(value, constant))
        {
            errors.Add($"{where}: must be {constant.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed))
        {
            if (value.ValueKind != JsonValueKind.String || !allowed.EnumerateArray().Any(a => a.GetString() == value.GetString()))
            {
                errors.Add($"{where}: must be one of {string.Join(", ", allowed.EnumerateArray().Select(a => a.GetString()))}");
            }

            return;
        }

        if (schema.TryGetProperty("type", out var type) && !IsType(value, type.GetString()!))
        {
            errors.Add($"{where}: must be of type {type.GetString()}");
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, where, errors);
                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if ((schema.TryGetProperty("minimum", out var min) && number < min.GetDouble()) ||
                    (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble()))
                {
                    errors.Add($"{where}: is out of range");
                }

                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("maxItems", out var maxItems) && value.GetArrayLength() > maxItems.GetInt32())
                {
                    errors.Add($"{where}: has more than {maxItems.GetInt32()} items");
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(root, items, item, $"{at}/{i++}", errors);
                    }
                }

                break;
            case JsonValueKind.Object:
                CheckObject(root, schema, value, at, where, errors);
                break;
        }
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement value, string at, string where, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{where}: required property '{name}' is missing");
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasExtra = schema.TryGetProperty("additionalProperties", out var extra);
        foreach (var property in value.EnumerateObject())
        {
            var path = $"{at}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (hasProperties && properties.TryGetProperty(property.Name, out var child))
            {
                Check(root, child, property.Value, path, errors);
            }
            else if (hasExtra && extra.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: property '{property.Name}' is not allowed here");
            }
            else if (hasExtra && extra.ValueKind == JsonValueKind.Object)
            {
                Check(root, extra, property.Value, path, errors);
            }
        }
    }

    private static void CheckString(JsonElement schema, string text, string where, List<string> errors)
    {
        // JSON Schema counts string length in code points.
        var length = text.EnumerateRunes().Count();
        if ((schema.TryGetProperty("minLength", out var min) && length < min.GetInt32()) ||
            (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32()))
        {
            errors.Add($"{where}: has {length} characters, outside the allowed length");
        }

        if (schema.TryGetProperty("pattern", out var pattern) &&
            !Patterns.GetOrAdd(pattern.GetString()!, p => new Regex(p, RegexOptions.CultureInvariant)).IsMatch(text))
        {
            errors.Add($"{where}: does not match the pattern {pattern.GetString()}");
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time" && !IsDateTime(text))
        {
            errors.Add($"{where}: is not an RFC 3339 date-time");
        }
    }

    private static bool SameConstant(JsonElement value, JsonElement constant) =>
        value.ValueKind == JsonValueKind.Number && constant.ValueKind == JsonValueKind.Number
            ? value.GetDouble() == constant.GetDouble()
            : value.ValueKind == constant.ValueKind && value.GetRawText() == constant.GetRawText();

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.GetDouble() is var d && double.IsFinite(d) && d == Math.Floor(d),
        _ => throw new InvalidOperationException($"The dossier schema uses type '{type}', which SchemaCheck does not know."),
    };

    // RFC 3339 §5.6 with a Z or numeric offset; the schema's pattern narrows it further.
    private static bool IsDateTime(string text) => DateTimeOffset.TryParseExact(
        text.ToUpperInvariant(),
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"],
        CultureInfo.InvariantCulture,
        DateTimeStyles.None,
        out _);
}
