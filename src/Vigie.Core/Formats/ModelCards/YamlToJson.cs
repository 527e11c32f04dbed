using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Converts a parsed YAML document to JSON values. Mapping keys must be scalars; aliases are
/// followed, but the total number of values is bounded so a "billion laughs" document (aliases
/// of aliases) is refused instead of expanded.
/// </summary>
internal sealed class YamlToJson
{
    public const int MaxNodes = 200_000;

    private readonly Dictionary<JsonNode, Mark> positions = new(ReferenceEqualityComparer.Instance);
    private int count;

    /// <summary>The JSON of a YAML node, and where in the YAML each JSON value came from.</summary>
    public static JsonNode? Convert(YamlNode node, out IReadOnlyDictionary<JsonNode, Mark> positions)
    {
        var converter = new YamlToJson();
        var json = converter.Value(node, 0);
        positions = converter.positions;
        return json;
    }

    private JsonNode? Value(YamlNode node, int depth)
    {
        if (++count > MaxNodes)
        {
            throw new YamlException(node.Start, node.End, $"The YAML expands to more than {MaxNodes} values (aliases repeated too often).");
        }

        if (depth > Json.Jcs.MaxDepth - 4)
        {
            throw new YamlException(node.Start, node.End, "The YAML is nested too deeply.");
        }

        var json = Build(node, depth);
        if (json is not null)
        {
            positions[json] = node.Start;
        }

        return json;
    }

    private JsonNode? Build(YamlNode node, int depth)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(c => Value(c, depth + 1))]);
            case YamlMappingNode mapping:
                var json = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new YamlException(key.Start, key.End, "A mapping key is not a plain value; only text keys are supported.");
                    }

                    if (json.ContainsKey(name))
                    {
                        throw new YamlException(key.Start, key.End, $"The key '{name}' appears twice in the same mapping.");
                    }

                    json[name] = Value(value, depth + 1);
                }

                return json;
            default:
                throw new YamlException(node.Start, node.End, $"Unsupported YAML node {node.NodeType}.");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" or "!!str" || scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        return YamlScalars.ResolvePlain(text);
    }
}
