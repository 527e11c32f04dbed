using System.Text;
using Vigie.Core.Formats.ModelCards;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Core.Impact.Rights;

/// <summary>
/// A FRIA written as YAML, which is kinder to paragraphs than JSON: the same fields as
/// <see cref="FriaFields"/>, read with the bounds the card importer uses (no alias bombs, text keys
/// only), and a commented template to start from.
/// </summary>
public static class FriaYaml
{
    public static FriaParseResult Read(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1)
            {
                return Fail("The file must hold one YAML mapping with the fields " + FriaFields.Names + ".");
            }

            return FriaDocument.Parse(YamlToJson.Convert(stream.Documents[0].RootNode, out _));
        }
        catch (YamlException e)
        {
            return Fail($"The YAML is not valid at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Fail("The YAML is not valid: " + e.Message);
        }
    }

    /// <summary>An empty assessment with every field, what it asks and the point of Art. 27(1) it answers, as comments.</summary>
    public static string Template()
    {
        var text = new StringBuilder("""
            # Fundamental rights impact assessment (Regulation (EU) 2024/1689, Art. 27), one per deployment.
            # Fill in every field, then: vigie fria save SYSTEM DEPLOYMENT this-file.yaml --version V
            # and submit it for review: vigie fria submit SYSTEM DEPLOYMENT

            """);
        foreach (var field in FriaFields.All)
        {
            text.Append("\n# ").Append(field.Point).Append(" — ").Append(field.Label).Append(": ").Append(field.Help).Append('\n');
            text.Append(field.Kind switch
            {
                FriaFieldKind.Text => $"{field.Name}: \"\"\n",
                FriaFieldKind.Prose => $"# (for paragraphs write \"{field.Name}: |\" and indent the text on the lines below)\n{field.Name}: \"\"\n",
                FriaFieldKind.List => $"{field.Name}:\n  - \"\"\n",
                _ => $"{field.Name}:\n  # group: one of affectedGroups; likelihood and severity: {string.Join(", ", FriaRisk.Levels)}\n" +
                     "  - group: \"\"\n    harm: \"\"\n    likelihood: \"\"\n    severity: \"\"\n",
            });
        }

        return text.ToString();
    }

    private static FriaParseResult Fail(string message) => new(null, [new FriaIssue("", message)]);
}
