using System.Globalization;
using System.Text.Json;

namespace Vigie.Core.Policies;

/// <summary>
/// Checks a dossier against the dossier schema in one pass over a compiled copy of it (<see cref="SchemaNode"/>), for the
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

    private static readonly Lazy<SchemaNode> Compiled = new(() => SchemaNode.Compile(DossierSchema.Root));

    public static IReadOnlyList<string> Validate(JsonElement value)
    {
        var errors = new List<string>();
        Check(Compiled.Value, value, new Location([]), errors);
        return errors;
    }

    /// <summary>The JSON Pointer of the value being checked, kept as segments and written out only for an error.</summary>
    private readonly record struct Location(List<string> Segments)
    {
        public override string ToString() =>
            Segments.Count == 0 ? "the dossier" : string.Concat(Segments.Select(s => "/" + s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
    }

    private static void Check(SchemaNode schema, JsonElement value, Location where, List<string> errors)
    {
        if (schema.Const is { } constant && !SameConstant(value, constant))
        {
            errors.Add($"{where}: must be {constant.GetRawText()}");
            return;
        }

        if (schema.Enum is { } allowed)
        {
            if (value.ValueKind != JsonValueKind.String || !IsOneOf(value, allowed))
            {
                errors.Add($"{where}: must be one of {string.Join(", ", allowed)}");
            }

            return;
        }

        if (schema.Type is { } type && !IsType(value, type))
        {
            errors.Add($"{where}: must be of type {type}");
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, where, errors);
                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (number < schema.Minimum || number > schema.Maximum)
                {
                    errors.Add($"{where}: is out of range");
                }

                break;
            case JsonValueKind.Array:
                if (value.GetArrayLength() > schema.MaxItems)
                {
                    errors.Add($"{where}: has more than {schema.MaxItems} items");
                }

                if (schema.Items is { } items)
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        where.Segments.Add(i++.ToString(CultureInfo.InvariantCulture));
                        Check(items, item, where, errors);
                        where.Segments.RemoveAt(where.Segments.Count - 1);
                    }
                }

                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, where, errors);
                break;
        }
    }

    private static void CheckObject(SchemaNode schema, JsonElement value, Location where, List<string> errors)
    {
        foreach (var name in schema.Required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                errors.Add($"{where}: required property '{name}' is missing");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            where.Segments.Add(property.Name);
            if (schema.Properties is { } properties && properties.TryGetValue(property.Name, out var child))
            {
                Check(child, property.Value, where, errors);
            }
            else if (schema.Closed)
            {
                errors.Add($"{where}: property '{property.Name}' is not allowed here");
            }
            else if (schema.Additional is { } extra)
            {
                Check(extra, property.Value, where, errors);
            }

            where.Segments.RemoveAt(where.Segments.Count - 1);
        }
    }

    private static void CheckString(SchemaNode schema, string text, Location where, List<string> errors)
    {
        if (schema.MinLength is not null || schema.MaxLength is not null)
        {
            // JSON Schema counts string length in code points.
            var length = text.EnumerateRunes().Count();
            if (length < schema.MinLength || length > schema.MaxLength)
            {
                errors.Add($"{where}: has {length} characters, outside the allowed length");
            }
        }

        if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            errors.Add($"{where}: does not match the pattern {pattern}");
        }

        if (schema.DateTime && !IsDateTime(text))
        {
            errors.Add($"{where}: is not an RFC 3339 date-time");
        }
    }

    private static bool IsOneOf(JsonElement value, string[] allowed)
    {
        foreach (var option in allowed)
        {
            if (value.ValueEquals(option))
            {
                return true;
            }
        }

        return false;
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
