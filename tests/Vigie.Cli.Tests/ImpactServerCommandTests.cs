using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>The impact commands against a real server: a run's footprint, obligations, classification, fairness import.</summary>
public sealed class ImpactServerCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    [Fact]
    public async Task ARecordedRun_ItsFootprint_AndTheObligationsItBrings()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = await cli.AddSystemAsync("atlas", "Assistant");
        Assert.Equal(0, (await cli.RunAsync("runs", "add", name, "1.0", "pretrain", "--started", "2026-01-05", "--accelerator-hours", "1e6", "--flop", "2e25")).ExitCode);

        var recorded = await cli.RunAsync("impact", "record-run", name, "1.0", "pretrain", "--accelerator", "H100-SXM", "--region", "DE");
        Assert.True(recorded.ExitCode == 0, recorded.ToString());
        Assert.Contains("acceleratorHours = 1000000 h (supplied: training run 'pretrain' in the registry", recorded.Out);
        Assert.Contains("pue = 1.58  (default: Uptime Institute", recorded.Out);

        var shown = await cli.RunAsync("impact", "show", name, "1.0");
        Assert.Contains("1,106,000.0 kWh", shown.Out); // 1e6 h × 0.7 kW × 1.58
        Assert.Contains("Training compute: 2E+25 FLOP on this version's runs, 2E+25 FLOP with its base versions; over the thresholds of EU AI Act: general-purpose AI model with systemic risk (presumed).", shown.Out);

        var obligations = await cli.RunAsync("obligations", name);
        Assert.True(obligations.ExitCode == 0, obligations.ToString());
        Assert.Contains("eu-art52-notification", obligations.Out);
        var met = await cli.RunAsync("obligations", "met", name, "eu-art52-notification", "--reference", "AIO-2026-7");
        Assert.True(met.ExitCode == 0, met.ToString());
        var json = JsonDocument.Parse((await cli.RunAsync("obligations", name, "--json")).Out).RootElement;
        Assert.Equal("met", json.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "eu-art52-notification").GetProperty("status").GetString());

        var classified = await cli.RunAsync("classify", name, "--yes", "eu-market", "--yes", "general-purpose", "--yes", "interacts-with-people");
        Assert.True(classified.ExitCode == 0, classified.ToString());
        Assert.Contains(": transparency", classified.Out);
        Assert.Contains("with systemic risk", classified.Out);
        Assert.Contains("Must    Art. 52(1)", classified.Out);
        Assert.Equal(2, (await cli.RunAsync("classify", name, "--yes", "no-such-question")).ExitCode);
    }

    [Fact]
    public async Task ARunsCompute_CanBeEstimated_By6ND_OrFromHardware_AndTheMethodIsKeptInItsNotes()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = await cli.AddSystemAsync("llama", "Assistant");

        // METHODS.md: Llama 2 70B, 70e9 parameters × 2e12 tokens → 8.4e23 FLOP.
        var pretrain = await cli.RunAsync("runs", "add", name, "1.0", "pretrain", "--started", "2026-01-05", "--params", "7e10", "--tokens", "2e12");
        Assert.True(pretrain.ExitCode == 0, pretrain.ToString());
        Assert.Contains("Compute: 8.4E+23 FLOP.", pretrain.Out);
        // Epoch AI's method: 1e6 H100-hours × 3600 × 989e12 FLOP/s × 30 % (its default for language models) = 1.06812e24.
        var hardware = await cli.RunAsync("runs", "add", name, "1.0", "continued", "--started", "2026-02-01", "--accelerator", "H100-SXM", "--accelerator-hours", "1e6");
        Assert.True(hardware.ExitCode == 0, hardware.ToString());

        using var client = Server.Client(Server.AdminToken);
        var runs = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/systems/{name}/versions/1.0")).RootElement.GetProperty("trainingRuns").EnumerateArray()
            .ToDictionary(r => r.GetProperty("run").GetString()!);
        Assert.Equal(8.4e23, runs["pretrain"].GetProperty("computeFlop").GetDouble(), 8.4e23 * 1e-12);
        Assert.Contains("6·N·D", runs["pretrain"].GetProperty("notes").GetString());
        Assert.Equal(2_000_000_000_000, runs["pretrain"].GetProperty("tokens").GetInt64());
        Assert.Equal(1e6 * 3600 * 989e12 * 0.3, runs["continued"].GetProperty("computeFlop").GetDouble(), 1e12);
        Assert.Contains("utilisation 0.3 (default)", runs["continued"].GetProperty("notes").GetString());

        var both = await cli.RunAsync("runs", "add", name, "1.0", "x", "--started", "2026-02-01", "--flop", "1e24", "--params", "7e10", "--tokens", "1000");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error);
        var noTokens = await cli.RunAsync("runs", "add", name, "1.0", "x", "--started", "2026-02-01", "--params", "7e10");
        Assert.Equal(2, noTokens.ExitCode);
        Assert.Contains("--params needs --tokens", noTokens.Error);
        Assert.Equal(2, (await cli.RunAsync("runs", "add", name, "1.0", "x", "--started", "2026-02-01", "--tokens", "1.5")).ExitCode);
    }

    [Fact]
    public async Task ImportFairness_RecordsTheReport_AndFailsOnFourFifths()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var name = await cli.AddSystemAsync("lender", "Credit");
        var file = cli.WriteFile("credit.csv", "group,label,prediction\na,1,1\na,1,1\na,0,1\na,0,0\nb,1,1\nb,1,0\nb,0,0\nb,0,0\n");
        var imported = await cli.RunAsync("impact", "import-fairness", name, "1.0", file, "--assessment", "q1", "--group", "group");
        Assert.Equal(1, imported.ExitCode);
        Assert.Contains("four-fifths: FAILS", imported.Out);
        var shown = await cli.RunAsync("impact", "show", name, "1.0");
        Assert.Contains("Fairness q1: DP difference 0.5", shown.Out);

        var bad = cli.WriteFile("bad.csv", "group,label,prediction\na,1,7\n");
        var refused = await cli.RunAsync("impact", "import-fairness", name, "1.0", bad, "--assessment", "q2", "--group", "group");
        Assert.Equal(2, refused.ExitCode);
    }
}
