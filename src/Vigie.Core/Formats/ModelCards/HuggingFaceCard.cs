using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Hugging Face model cards: a README.md with YAML front matter (huggingface.co/docs/hub/model-cards)
/// and a Markdown body. <see cref="Read"/> takes real cards as they are (byte-order mark, CRLF,
/// non-ASCII, unknown keys); <see cref="Write"/> produces a README that reads back as the same card.
/// </summary>
public static class HuggingFaceCard
{
    /// <summary>Longest README accepted, in characters; a card must fit in one log entry anyway.</summary>
    public const int MaxChars = 1_000_000;

    public static CardImport Read(string readme)
    {
        if (readme.Length > MaxChars)
        {
            return CardImport.Failed($"The README is {readme.Length} characters; at most {MaxChars} are read.");
        }

        var text = readme.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!FrontMatter.TrySplit(text, out var parts, out var splitError))
        {
            return CardImport.Failed(splitError!);
        }

        var metadata = new JsonObject();
        var context = new ImportContext(new Dictionary<JsonNode, Mark>(), 1);
        if (parts!.Yaml is { } yaml && !string.IsNullOrWhiteSpace(yaml))
        {
            if (!TryParseYaml(yaml, parts.YamlFirstLine, out var root, out context, out var yamlError))
            {
                return CardImport.Failed(yamlError!);
            }

            if (root is JsonObject map)
            {
                metadata = map;
            }
            else if (root is not null)
            {
                return CardImport.Failed($"The front matter must be a YAML mapping (key: value lines); it is {JsonNodes.Describe(root)}.");
            }
        }

        var card = new HfMetadataReader(context).Read(metadata);
        var sections = MarkdownSections.Split(parts.Body);
        if (sections.Count > 0)
        {
            card[CardSchema.Sections] = MarkdownSections.ToJson(sections);
        }

        var parsed = ModelCard.FromJson(card);
        return parsed.Succeeded
            ? new CardImport(parsed.Card, null, context.Warnings)
            : CardImport.Failed("The README cannot become a card: " + string.Join(" ", parsed.Issues.Select(i => i.ToString())));
    }

    public static string Write(ModelCard card)
    {
        var text = new StringBuilder();
        var metadata = HfMetadataWriter.Write(card);
        if (metadata.Count > 0)
        {
            text.Append("---\n").Append(JsonToYaml.Write(metadata)).Append("---\n");
        }

        var body = MarkdownSections.Join(card.Sections);
        if (body.Length > 0)
        {
            text.Append(text.Length > 0 ? "\n" : "").Append(body);
        }

        return text.ToString();
    }

    private static bool TryParseYaml(string yaml, int firstLine, out JsonNode? root, out ImportContext context, out string? error)
    {
        root = null;
        error = null;
        context = new ImportContext(new Dictionary<JsonNode, Mark>(), firstLine);
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count > 1)
            {
                error = "The front matter holds more than one YAML document ('---' inside it); keep one mapping between the two '---' lines.";
                return false;
            }

            if (stream.Documents.Count == 1)
            {
                root = YamlToJson.Convert(stream.Documents[0].RootNode, out var positions);
                context = new ImportContext(positions, firstLine);
            }

            return true;
        }
        catch (YamlException e)
        {
            var mark = e.Start.Equals(Mark.Empty) ? parser.LastGood : e.Start;
            error = $"The YAML front matter is not valid at line {mark.Line + firstLine - 1}, column {mark.Column}: {Message(e)}";
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet reports some malformed input without a position; the last event it read is the nearest one.
            var mark = parser.LastGood;
            error = $"The YAML front matter is not valid near line {mark.Line + firstLine - 1}, column {mark.Column} (after the last value that could be read).";
            return false;
        }
    }

    /// <summary>YamlDotNet prefixes messages with its own position text; keep only the explanation.</summary>
    private static string Message(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message;
    }
}
