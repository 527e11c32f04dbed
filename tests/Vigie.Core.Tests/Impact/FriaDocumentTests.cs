using System.Text.Json.Nodes;
using Vigie.Core.Impact.Rights;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>The FRIA document of EU AI Act Art. 27(1) (a)-(f): structure, checks, completeness and its Markdown export.</summary>
public sealed class FriaDocumentTests
{
    public static JsonObject Complete() => new()
    {
        ["deployer"] = "Caisse Régionale, consumer lending",
        ["purpose"] = "Score consumer credit applications.",
        ["processes"] = "Advisers see the score beside the file.\r\nA person decides.",
        ["period"] = "From 2026-06 for two years, on every application (about 400 a day).",
        ["affectedGroups"] = new JsonArray("loan applicants", "  applicants over 70  ", ""),
        ["risks"] = new JsonArray(
            new JsonObject { ["group"] = "applicants over 70", ["harm"] = "Refused credit | more often", ["likelihood"] = "medium", ["severity"] = "high" },
            new JsonObject { ["group"] = "", ["harm"] = "", ["likelihood"] = "", ["severity"] = "" }),
        ["oversight"] = "An adviser may override any score.",
        ["mitigation"] = "Suspend the score for the group; review refused files.",
        ["governance"] = "The credit risk committee reviews quarterly.",
        ["complaints"] = "Applicants write to the mediator; answered within 30 days.",
    };

    [Fact]
    public void ACompleteDocument_IsNormalised_InArticle27Order_AndHasAStableDigest()
    {
        var parsed = FriaDocument.Parse(Complete());
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Issues));
        var doc = parsed.Document!;
        Assert.True(doc.Complete);
        Assert.Equal(["loan applicants", "applicants over 70"], doc.List("affectedGroups"));
        Assert.Equal("Advisers see the score beside the file.\nA person decides.", doc.Text("processes"));
        var risk = Assert.Single(doc.Risks);
        Assert.Equal(new FriaRisk("applicants over 70", "Refused credit | more often", "medium", "high"), risk);
        Assert.Equal(FriaFields.All.Select(f => f.Name), doc.ToJsonObject().Select(p => p.Key));

        var reordered = new JsonObject(Complete().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        Assert.Equal(doc.Sha256, FriaDocument.Parse(reordered).Document!.Sha256);
    }

    [Fact]
    public void ADraft_SaysWhichPointsOfArticle27AreMissing()
    {
        var doc = FriaDocument.Parse(new JsonObject { ["deployer"] = "Acme", ["oversight"] = "   " }).Document!;
        Assert.False(doc.Complete);
        Assert.Contains(doc.Missing, f => f.Name == "oversight" && f.Point == "Art. 27(1)(e)");
        Assert.Contains(doc.Missing, f => f.Name == "risks" && f.Point == "Art. 27(1)(d)");
        Assert.DoesNotContain(doc.Missing, f => f.Name == "deployer");
    }

    [Theory]
    [InlineData("colour", "\"red\"", "colour", "Unknown field")]
    [InlineData("deployer", "42", "deployer", "must be text")]
    [InlineData("deployer", "\"two\\nlines\"", "deployer", "one line")]
    [InlineData("affectedGroups", "[\"a\", \"a\"]", "affectedGroups", "twice")]
    [InlineData("risks", "[{\"group\": \"children\", \"harm\": \"x\"}]", "risks[1]", "not one of the affected groups")]
    [InlineData("risks", "[{\"group\": \"loan applicants\", \"harm\": \"x\", \"likelihood\": \"certain\"}]", "risks[1].likelihood", "low, medium, high")]
    [InlineData("risks", "[{\"group\": \"loan applicants\"}]", "risks[1]", "says no harm")]
    [InlineData("risks", "[{\"group\": \"loan applicants\", \"harm\": \"x\", \"impact\": 3}]", "risks[1]", "unknown field 'impact'")]
    public void BadFields_AreReportedAgainstTheirField(string field, string json, string where, string message)
    {
        var input = Complete();
        input[field] = JsonNode.Parse(json);
        var parsed = FriaDocument.Parse(input);
        Assert.False(parsed.Succeeded);
        Assert.Contains(parsed.Issues, i => i.Field == where && i.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ADocumentTooLargeForOneLogEntry_IsRefused()
    {
        var input = Complete();
        foreach (var name in new[] { "purpose", "processes", "period", "oversight", "mitigation", "governance" })
        {
            input[name] = new string('x', FriaFields.ProseMaxLength);
        }

        var parsed = FriaDocument.Parse(input);
        Assert.Contains("one log entry", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HasEveryPointInOrder_TheFacts_AndARiskTableThatCannotBreak()
    {
        var doc = FriaDocument.Parse(Complete()).Document!;
        var md = FriaMarkdown.Write("FRIA of atlas / lending-fr", [new("Revision", "2"), new("Status", "approved")], doc);
        Assert.StartsWith("# FRIA of atlas / lending-fr\n\n- **Revision:** 2\n- **Status:** approved\n", md, StringComparison.Ordinal);
        var points = new[] { "(a)", "(b)", "(c)", "(d)", "(e)", "(f)" }.Select(p => md.IndexOf($"Art. 27(1){p})", StringComparison.Ordinal)).ToList();
        Assert.All(points, p => Assert.True(p > 0));
        Assert.Equal(points.Order(), points);
        Assert.Contains("| applicants over 70 | Refused credit \\| more often | medium | high |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete", md, StringComparison.Ordinal);

        var draft = FriaMarkdown.Write("Draft", [], FriaDocument.Parse(new JsonObject { ["deployer"] = "Acme" }).Document!);
        Assert.Contains("> Incomplete: Intended purpose (Art. 27(1)(a))", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void TheYamlTemplate_ReadsAsAnEmptyDraft_AndAFilledInOneAsTheSameDocumentAsItsJson()
    {
        var empty = FriaYaml.Read(FriaYaml.Template());
        Assert.True(empty.Succeeded, string.Join("\n", empty.Issues));
        Assert.Equal(FriaFields.All.Count, empty.Document!.Missing.Count);

        var yaml = """
            deployer: "Caisse Régionale, consumer lending"
            purpose: Score consumer credit applications.
            processes: |
              Advisers see the score beside the file.
              A person decides.
            period: From 2026-06 for two years, on every application (about 400 a day).
            affectedGroups:
              - loan applicants
              - applicants over 70
            risks:
              - group: applicants over 70
                harm: Refused credit | more often
                likelihood: medium
                severity: high
            oversight: An adviser may override any score.
            mitigation: Suspend the score for the group; review refused files.
            governance: The credit risk committee reviews quarterly.
            complaints: Applicants write to the mediator; answered within 30 days.
            """;
        var read = FriaYaml.Read(yaml);
        Assert.True(read.Succeeded, string.Join("\n", read.Issues));
        Assert.Equal(FriaDocument.Parse(Complete()).Document!.Sha256, read.Document!.Sha256);
        Assert.False(FriaYaml.Read("deployer: [unclosed").Succeeded);
    }
}
