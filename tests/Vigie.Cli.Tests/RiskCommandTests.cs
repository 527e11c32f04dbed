using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>The capability-risk commands against a real server: framework, evaluations, scorecard, forecast and risk register.</summary>
public sealed class RiskCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    private static string Repo(params string[] path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine([dir.FullName, .. path]);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    private static async Task<CliResult> OkAsync(CliRunner runner, params string[] args)
    {
        var result = await runner.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"vigie {string.Join(' ', args)}: {result}");
        return result;
    }

    [Fact]
    public async Task Framework_Evaluations_Scorecard_Forecast_AndTheRegister_FromTheCommandLine()
    {
        using var admin = new CliRunner(Server.Url, Server.AdminToken);
        var charter = new StringBuilder("charter: one-officer\nversion: 1\ntitle: One safety officer decides\nconflict-of-interest: { opener-recused: false }\ndecisions:\n");
        foreach (var type in DecisionTypes.All)
        {
            charter.Append("  ").Append(type).Append(": { stages: [ { name: officer, role: safety-officer, quorum: 1 of 1 } ] }\n");
        }

        await OkAsync(admin, "charters", "adopt", admin.WriteFile("charter.yaml", charter.ToString()));
        using var client = Server.Client(Server.AdminToken);
        var created = await client.PostAsJsonAsync("/api/v1/users", new { name = "rso", roles = new[] { "safety-officer" } });
        using var officer = new CliRunner(Server.Url, JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString());

        var broken = await officer.RunAsync("frameworks", "adopt", officer.WriteFile("bad.yaml", "framework: x\nversion: 1\ntitle: X\nlevels: [{ id: a, risk: lowish }]\ncategories: [{ id: c }]\n"));
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("bad.yaml: line 4", broken.Error);

        var proposed = await OkAsync(officer, "frameworks", "adopt", Repo("presets", "frameworks", "preparedness-style.yaml"));
        var decision = proposed.Out.Trim();
        Assert.Matches(@"^dec-\d+$", decision);
        Assert.Contains("in force once that decision is approved", proposed.Error);
        Assert.Equal(1, (await admin.RunAsync("frameworks", "show")).ExitCode);
        await OkAsync(officer, "decisions", "sign", decision, "--approve", "--comment", "Thresholds reviewed.");
        var shown = await OkAsync(admin, "frameworks", "show");
        Assert.Contains("preparedness-style v1", shown.Out);
        Assert.Contains("cybench / accuracy", shown.Out);

        await OkAsync(admin, "systems", "add", "atlas");
        var points = new[] { ("0.1", "1e22", "2025-01-01", 0.02), ("0.2", "1e23", "2025-07-01", 0.03), ("0.3", "1e24", "2026-01-01", 0.045) };
        foreach (var (version, flop, ended, score) in points)
        {
            await OkAsync(admin, "versions", "add", "atlas", version);
            await OkAsync(admin, "runs", "add", "atlas", version, "pretrain", "--started", ended, "--flop", flop);
            var imported = await OkAsync(admin, "evals", "import", "atlas", version,
                admin.WriteFile($"atlas-{version}.csv", $"task,metric,value\ncybench,accuracy,{score}\nwmdp_bio,acc,0.4\nwmdp_chem,acc,0.35\nmle_bench,accuracy,0.01\n"));
            Assert.Matches(@"Imported eval-\d+: 4 metric\(s\) from atlas-[0-9.]+\.csv \(csv\), model not named, pre-mitigation\.", imported.Out);
        }

        // A 3 MB Inspect log (samples first) goes through real Kestrel, past its 1 MiB default body limit, streamed.
        var big = new StringBuilder("{\"version\": 2, \"status\": \"success\", \"samples\": [");
        for (var i = 0; i < 3000; i++)
        {
            big.Append(i == 0 ? "" : ",").Append("{\"id\": ").Append(i).Append(", \"input\": \"").Append('x', 1000).Append("\"}");
        }

        big.Append("], \"eval\": {\"task\": \"cybench\", \"model\": \"atlas-0.3\", \"packages\": {\"inspect_ai\": \"0.3.95\"}}, ");
        big.Append("\"results\": {\"completed_samples\": 3000, \"scores\": [{\"name\": \"includes\", \"metrics\": {\"accuracy\": {\"name\": \"accuracy\", \"value\": 0.046, \"params\": {}}}}]}}");
        var log = await OkAsync(admin, "evals", "import", "atlas", "0.3", admin.WriteFile("cyber.json", big.ToString()));
        Assert.Contains("1 metric(s) from cyber.json (inspect 2), model atlas-0.3", log.Out);

        var wrong = await admin.RunAsync("evals", "import", "atlas", "0.3", admin.WriteFile("r.json", "{\"results\": {}, \"versions\": {}}"), "--format", "inspect");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("is not an Inspect log", wrong.Error);

        var listed = await OkAsync(admin, "evals", "list", "atlas", "0.3");
        Assert.Contains("cybench", listed.Out);
        Assert.Contains("0.045", listed.Out);
        Assert.Contains("0.046", listed.Out);

        var card = await OkAsync(admin, "scorecard", "show", "atlas", "0.3");
        Assert.Contains("under preparedness-style@1", card.Out);
        Assert.Contains("not confirmed", card.Out);
        await OkAsync(officer, "scorecard", "confirm", "atlas", "0.3", "cybersecurity", "--pre", "low", "--post", "low", "--rationale", "CTF success is rare; reviewed the transcripts.");
        var json = JsonDocument.Parse((await OkAsync(admin, "scorecard", "show", "atlas", "0.3", "--json")).Out).RootElement;
        var cyber = json.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cybersecurity");
        Assert.Equal(("low", "low", true), (cyber.GetProperty("preMitigation").GetString(), cyber.GetProperty("derived").GetProperty("preMitigation").GetString(), cyber.GetProperty("confirmed").GetBoolean()));

        var png = Path.Combine(Path.GetTempPath(), $"vigie-forecast-{Guid.NewGuid():N}.png");
        try
        {
            var forecast = await admin.RunAsync("forecast", "atlas", "--metric", "cybench", "--png", png, "--backtest");
            Assert.True(forecast.ExitCode is 0 or 1, forecast.ToString());
            Assert.Contains("cybench / accuracy: against compute, the fit reaches the cybersecurity 'medium' threshold", forecast.Out);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        }
        finally
        {
            File.Delete(png);
        }

        var due = await admin.RunAsync("evals", "due");
        Assert.Equal(0, due.ExitCode);
        Assert.Contains("atlas: not due", due.Out);

        var risk = (await OkAsync(admin, "risks", "add", "--category", "cyber", "--title", "Exploit uplift", "--owner", "rso", "--likelihood", "3", "--severity", "4",
            "--treatment", "mitigate", "--review", "2020-01-01", "--link", decision)).Out.Trim();
        Assert.Matches(@"^risk-\d+$", risk);
        var overdue = await admin.RunAsync("risks", "list", "--overdue");
        Assert.Equal(1, overdue.ExitCode);
        Assert.Contains("OVERDUE", overdue.Out);
        await OkAsync(admin, "risks", "update", risk, "--reason", "Reviewed in July.", "--category", "cyber", "--title", "Exploit uplift", "--owner", "rso",
            "--likelihood", "2", "--severity", "4", "--treatment", "mitigate", "--review", "2099-01-01");
        Assert.Contains("Reviewed in July.", (await OkAsync(admin, "risks", "show", risk)).Out);
        var csv = (await OkAsync(admin, "risks", "export")).Out;
        Assert.Contains($"{risk},cyber,Exploit uplift,,rso,2,4,medium,mitigate", csv);
        var imported2 = await OkAsync(admin, "risks", "import", admin.WriteFile("risks.csv", csv + ",bio,Novice uplift,,ada,2,5,,avoid,,,,,2099-01-01,open,\n"));
        Assert.Contains("Recorded 1 new risk(s) and updated 1", imported2.Out);
    }
}
