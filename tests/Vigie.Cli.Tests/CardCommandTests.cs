using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Cli.Tests;

public sealed class CardCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private const string Readme = """
        ---
        license: apache-2.0
        language:
        - en
        pipeline_tag: text-generation
        co2_eq_emissions:
          emissions: 1710
          source: CodeCarbon
        widget:
        - text: Hello
        model-index:
        - name: atlas-1
          results: []
        ---
        # Atlas 1

        An assistant.
        """;

    private RealServer Server => fixture.Server;

    private async Task<(CliRunner Cli, string System)> VersionAsync()
    {
        var cli = new CliRunner(Server.Url, Server.AdminToken);
        var system = "cards-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, (await cli.RunAsync("systems", "add", system, "--visibility", "public")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("versions", "add", system, "1.0", "--visibility", "public")).ExitCode);
        return (cli, system);
    }

    [Fact]
    public async Task Import_ThenCheckSb53_ListsTheMissingFields_AndExitsOne_UntilTheyAreFilledIn()
    {
        var (cli, system) = await VersionAsync();
        using var _ = cli;
        var readme = cli.WriteFile("README.md", Readme);

        var imported = await cli.RunAsync("card", "import", system, "1.0", readme);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains($"Imported README.md as revision 1 of the card of {system}@1.0 (material", imported.Out);

        var check = await cli.RunAsync("card", "check", system, "1.0", "--profile", "sb53-transparency");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("misses 10 field(s)", check.Out);
        Assert.Contains("model.website", check.Out);
        Assert.Contains("§22757.12(c)(1)(A)", check.Out);

        var edit = await cli.RunAsync("card", "edit", system, "1.0",
            "--set", "model.website=https://example.org/", "--set", "model.contact=safety@example.org",
            "--set", "model.releaseDate=2026-03-01", "--set", "technical.outputModalities=text",
            "--set", "uses.intended=Drafting, summarising and translating text", "--set", "uses.restrictions=No medical advice",
            "--set", "risk.catastrophicRiskAssessments=CBRN and cyber evaluations.", "--set", "risk.catastrophicRiskResults=Below thresholds.",
            "--set", "risk.thirdPartyEvaluators=One external lab.", "--set", "risk.frameworkSteps=Weights security review.",
            "--note", "SB 53 fields");
        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Contains("Saved revision 2 (material, ", edit.Out);

        var complete = await cli.RunAsync("card", "check", system, "1.0", "--profile", "sb53-transparency", "--json");
        Assert.True(complete.ExitCode == 0, complete.ToString());
        Assert.True(JsonDocument.Parse(complete.Out).RootElement.GetProperty("complete").GetBoolean());

        var json = JsonDocument.Parse((await cli.RunAsync("card", "show", system, "1.0", "--json")).Out).RootElement;
        Assert.Equal(["Drafting, summarising and translating text"], json.GetProperty("card").GetProperty("uses").GetProperty("intended").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Edit_WithABadValue_NamesTheField_ExitsTwo_AndSavesNothing()
    {
        var (cli, system) = await VersionAsync();
        using var _ = cli;

        var bad = await cli.RunAsync("card", "edit", system, "1.0", "--set", "risk.safetyRiskAssessment=critical", "--set", "training.computeFlop=lots");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("risk.safetyRiskAssessment: must be one of serious, high, medium, low; got 'critical'.", bad.Error);
        Assert.Contains("training.computeFlop: must be a number", bad.Error);
        var shown = JsonDocument.Parse((await cli.RunAsync("card", "show", system, "1.0", "--json")).Out).RootElement;
        Assert.Equal(0, shown.GetProperty("revision").GetInt64());

        Assert.Equal(2, (await cli.RunAsync("card", "edit", system, "1.0")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("card", "edit", system, "1.0", "--set", "noequals")).ExitCode);
    }

    [Fact]
    public async Task ShowRevision_PrintsWhatItChanged_AndEditorialEditsSaySo()
    {
        var (cli, system) = await VersionAsync();
        using var _ = cli;
        Assert.Equal(0, (await cli.RunAsync("card", "edit", system, "1.0", "--set", "model.summary=An asistant.")).ExitCode);
        var typo = await cli.RunAsync("card", "edit", system, "1.0", "--set", "model.summary=An assistant.", "--editorial", "--note", "Typo");
        Assert.Contains("Saved revision 2 (editorial, 1 changes", typo.Out);

        var shown = await cli.RunAsync("card", "show", system, "1.0", "--revision", "2");

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("revision 2 (editorial, public) by admin", shown.Out);
        Assert.Contains("~ model.summary: An asistant. → An assistant.", shown.Out);
        var latest = await cli.RunAsync("card", "show", system, "1.0");
        Assert.Contains("Summary", latest.Out);
        Assert.Contains("An assistant.", latest.Out);
    }

    [Fact]
    public async Task Export_WritesEachFormat_AndTheReadmeImportsBackToTheSameCard()
    {
        var (cli, system) = await VersionAsync();
        using var _ = cli;
        Assert.Equal(0, (await cli.RunAsync("card", "import", system, "1.0", cli.WriteFile("README.md", Readme))).ExitCode);
        var bomFile = cli.WriteFile("bom.json", "");

        var cdx = await cli.RunAsync("card", "export", system, "1.0", "--format", "cyclonedx", "-o", bomFile);
        Assert.True(cdx.ExitCode == 0, cdx.ToString());
        var bom = JsonDocument.Parse(File.ReadAllText(bomFile)).RootElement;
        Assert.Equal("machine-learning-model", bom.GetProperty("components")[0].GetProperty("type").GetString());

        var hf = await cli.RunAsync("card", "export", system, "1.0", "--format", "hf");
        var card = JsonDocument.Parse((await cli.RunAsync("card", "show", system, "1.0", "--json")).Out).RootElement.GetProperty("card").GetRawText();
        Assert.Equal(ModelCard.FromJson(card).Card!.Sha256, HuggingFaceCard.Read(hf.Out).Card!.Sha256);

        var spdx = await cli.RunAsync("card", "export", system, "1.0", "--format", "spdx", "--revision", "1", "--json");
        var content = JsonDocument.Parse(spdx.Out).RootElement.GetProperty("content").GetString()!;
        Assert.Contains("\"ai_AIPackage\"", content);
    }

    [Theory]
    [InlineData("check", "--profile", "sb-53")]
    [InlineData("export", "--format", "pdf")]
    public async Task UnknownProfileOrFormat_IsAUsageError(string verb, string option, string value)
    {
        var (cli, system) = await VersionAsync();
        using var _ = cli;

        var result = await cli.RunAsync("card", verb, system, "1.0", option, value);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Import_OfBrokenYaml_ExitsTwo_WithTheLine()
    {
        var (cli, system) = await VersionAsync();
        using var _ = cli;

        var result = await cli.RunAsync("card", "import", system, "1.0", cli.WriteFile("README.md", "---\nlicense: mit\ntags: [a, b\n---\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("YAML front matter is not valid (at|near) line [34]", result.Error);
    }

    [Fact]
    public async Task CardOfAnUnknownVersion_ExitsOne()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);

        var result = await cli.RunAsync("card", "show", "no-such-system", "1.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No version '1.0' of 'no-such-system'", result.Error);
    }
}
