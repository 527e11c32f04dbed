using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigie.Core.Policies;

/// <summary>
/// One subschema of the dossier schema, read once into fields (with $ref resolved), so checking a
/// dossier does not search the schema's JSON for each keyword at each value.
/// </summary>
internal sealed class SchemaNode
{
    public string? Type { get; private init; }

    public JsonElement? Const { get; private init; }

    public string[]? Enum { get; private init; }

    public Dictionary<string, SchemaNode>? Properties { get; private set; }

    public string[] Required { get; private init; } = [];

    /// <summary>additionalProperties: false.</summary>
    public bool Closed { get; private init; }

    public SchemaNode? Additional { get; private set; }

    public SchemaNode? Items { get; private set; }

    public int? MaxItems { get; private init; }

    public int? MinLength { get; private init; }

    public int? MaxLength { get; private init; }

    public Regex? Pattern { get; private init; }

    public double? Minimum { get; private init; }

    public double? Maximum { get; private init; }

    public bool DateTime { get; private init; }

    public static SchemaNode Compile(JsonElement root) => Compile(root, root, new Dictionary<string, SchemaNode>(StringComparer.Ordinal));

    private static SchemaNode Compile(JsonElement root, JsonElement schema, Dictionary<string, SchemaNode> definitions)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            if (!definitions.TryGetValue(name, out var defined))
            {
                defined = Compile(root, root.GetProperty("$defs").GetProperty(name), definitions);
                definitions[name] = defined;
            }

            return defined;
        }

        var node = new SchemaNode
        {
            Type = schema.TryGetProperty("type", out var type) ? type.GetString() : null,
            Const = schema.TryGetProperty("const", out var constant) ? constant.Clone() : null,
            Enum = schema.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : null,
            Required = schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [],
            Closed = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False,
            MaxItems = schema.TryGetProperty("maxItems", out var maxItems) ? maxItems.GetInt32() : null,
            MinLength = schema.TryGetProperty("minLength", out var minLength) ? minLength.GetInt32() : null,
            MaxLength = schema.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : null,
            Pattern = schema.TryGetProperty("pattern", out var pattern) ? new Regex(pattern.GetString()!, RegexOptions.CultureInvariant | RegexOptions.Compiled) : null,
            Minimum = schema.TryGetProperty("minimum", out var minimum) ? minimum.GetDouble() : null,
            Maximum = schema.TryGetProperty("maximum", out var maximum) ? maximum.GetDouble() : null,
            DateTime = schema.TryGetProperty("format", out var format) && format.GetString() == "date-time",
        };

        if (schema.TryGetProperty("properties", out var properties))
        {
            node.Properties = properties.EnumerateObject().ToDictionary(p => p.Name, p => Compile(root, p.Value, definitions), StringComparer.Ordinal);
        }

        if (extra.ValueKind == JsonValueKind.Object)
        {
            node.Additional = Compile(root, extra, definitions);
        }

        if (schema.TryGetProperty("items", out var items))
        {
            node.Items = Compile(root, items, definitions);
        }

        return node;
    }
}
