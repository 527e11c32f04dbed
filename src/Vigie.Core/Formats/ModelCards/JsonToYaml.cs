using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Writes JSON values as block YAML that reads back as the same values under both YAML 1.2 and
/// YAML 1.1 readers: ambiguous strings are double-quoted, multi-line text is a literal block,
/// numbers always carry a decimal point before an exponent (PyYAML reads 1e+25 as a string).
/// </summary>
internal static class JsonToYaml
{
    public static string Write(JsonObject root)
    {
        var text = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(Node(root))).Save(new Emitter(text, 2, int.MaxValue), assignAnchors: false);
        var yaml = text.ToString();

        // The emitter closes the document with "..."; front matter is closed by the caller's "---".
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static YamlNode Node(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                var mapping = new YamlMappingNode();
                foreach (var (key, value) in map)
                {
                    mapping.Add(Scalar(key), Node(value));
                }

                return mapping;
            case JsonArray list:
                return new YamlSequenceNode(list.Select(Node));
            case null:
                return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
        }

        return JsonNodes.KindOf(node) switch
        {
            JsonValueKind.String => Scalar(node.GetValue<string>()),
            JsonValueKind.Number => new YamlScalarNode(NumberText(node)) { Style = ScalarStyle.Plain },
            JsonValueKind.True => new YamlScalarNode("true") { Style = ScalarStyle.Plain },
            JsonValueKind.False => new YamlScalarNode("false") { Style = ScalarStyle.Plain },
            _ => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        };
    }

    private static YamlScalarNode Scalar(string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : YamlScalars.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        return new YamlScalarNode(text) { Style = style };
    }

    private static string NumberText(JsonNode node)
    {
        JsonNodes.TryGetDouble(node, out var d);
        var text = Json.Jcs.SerializeNumber(d);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        return e > 0 && !text[..e].Contains('.', StringComparison.Ordinal) ? text[..e] + ".0" + text[e..] : text;
    }
}
