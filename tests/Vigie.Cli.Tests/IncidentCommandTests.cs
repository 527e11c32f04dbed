using System.Globalization;
using System.Text.Json;
using Vigie.Cli.Tests.Infrastructure;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>The incident commands against a real server on the real clock: dates are set relative to today.</summary>
public sealed class IncidentCommandTests(RealServerFixture fixture) : IClassFixture<RealServerFixture>
{
    private RealServer Server => fixture.Server;

    private static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How many incidents the register holds (nothing refused may add one).</summary>
    private async Task<int> CountAsync()
    {
        using var client = Server.Client(Server.AdminToken);
        return JsonDocument.Parse(await client.GetStringAsync("/api/v1/incidents?status=all&limit=1000")).RootElement.GetArrayLength();
    }

    [Fact]
    public async Task Open_PrintsTheId_AndEveryDeadlineWithItsArticle_ThenDueShowWhatIsOwed()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var discovered = Day(-1);
        var opened = await cli.RunAsync("incidents", "open", "--title", "Agent caused a death", "--discovered", discovered,
            "--category", "death", "--regime", "sb53", "eu-ai-act-art73", "--imminent-danger"); // the issue's "--regime R ..." form
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var id = opened.Out.Trim();
        Assert.Matches(@"^inc-\d+$", id);
        Assert.Contains($"Registered {id} (open, critical, death) is under sb53, eu-ai-act-art73", opened.Error);
        Assert.Contains($"{Day(9)} (end of day, UTC)  eu-ai-act-art73/report", opened.Error);
        Assert.Contains("Art. 73(4)", opened.Error);
        Assert.Contains($"{Day(14)} (end of day, UTC)  sb53/oes-report", opened.Error);
        Assert.Contains("sb53/imminent-danger-disclosure", opened.Error);

        var due = await cli.RunAsync("incidents", "due", "--json");
        Assert.True(due.ExitCode == 0, due.ToString());
        var mine = JsonDocument.Parse(due.Out).RootElement.GetProperty("deadlines").EnumerateArray()
            .Select(d => d.GetProperty("deadline")).Where(d => d.GetProperty("incident").GetString() == id).ToList();
        Assert.Equal(["sb53/imminent-danger-disclosure", "eu-ai-act-art73/report", "sb53/oes-report"], mine.Select(d => d.GetProperty("obligation").GetString()));

        var show = await cli.RunAsync("incidents", "show", id);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Under EU AI Act Art. 73 (serious incidents of high-risk AI systems) (eu-ai-act-art73): named for this incident", show.Out);
        Assert.Contains("California Business and Professions Code §22757.13 (SB 53)(c)(1)", show.Out);
        Assert.Contains($"vigie incidents export {id} --regime REGIME", show.Out);

        var list = await cli.RunAsync("incidents", "list", "--json");
        Assert.Contains(JsonDocument.Parse(list.Out).RootElement.EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ALapsedClock_IsShownOverdue_AndASubmissionRecordsItLate()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var id = (await cli.RunAsync("incidents", "open", "--title", "Old breach found late", "--discovered", Day(-20), "--regime", "sb53")).Out.Trim();
        var due = await cli.RunAsync("incidents", "due");
        Assert.True(due.ExitCode == 0, due.ToString());
        Assert.Contains($"{Day(-5)} (end of day, UTC) overdue", due.Out);
        Assert.Matches(@"\d+ report\(s\) owed, [1-9]\d* overdue", due.Out);

        var submitted = await cli.RunAsync("incidents", "submit", id, "--regime", "sb53", "--reference", "OES-2026-0815",
            "--sent", cli.WriteFile("sent.txt", "Report as sent to OES."));
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        Assert.Contains("Recorded sb53/oes-report sent", submitted.Out);
        Assert.Contains("(LATE)", submitted.Out);
        var shown = JsonDocument.Parse((await cli.RunAsync("incidents", "show", id, "--json")).Out).RootElement;
        Assert.Equal("met-late", shown.GetProperty("deadlines")[0].GetProperty("status").GetString());
        Assert.Equal("OES-2026-0815", shown.GetProperty("submissions")[0].GetProperty("reference").GetString());
    }

    [Fact]
    public async Task UpdateResolveExport_ThroughTheCommandLine()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var id = (await cli.RunAsync("incidents", "open", "--title", "Weights exfiltrated", "--discovered", Day(-2), "--category", "cybersecurity")).Out.Trim();
        var updated = await cli.RunAsync("incidents", "update", id, "--regime", "gpai-cop", "--harm", "Weights copied to an unknown host",
            "--fields", cli.WriteFile("fields.json", """{"chainOfEvents": "Stolen CI token\nused to pull the weights.", "peopleAffected": 0}"""), "--note", "Forensics in");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Contains($"is under gpai-cop; next: gpai-cop/initial-report due {Day(3)} (end of day, UTC) (due).", updated.Out);

        var markdown = await cli.RunAsync("incidents", "export", id, "--regime", "gpai-cop");
        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.StartsWith($"# Initial report — {id}: Weights exfiltrated", markdown.Out);
        Assert.Contains("## Resulting harm\n\nWeights copied to an unknown host", markdown.Out);
        Assert.Contains("## Chain of events that led to it, including the model's outputs involved\n\nStolen CI token\nused to pull the weights.", markdown.Out);
        Assert.Contains("**Missing (required):** model, occurredOn, description, affected, response", markdown.Out);

        var resolved = await cli.RunAsync("incidents", "resolve", id, "--resolution", "Token revoked", "--json");
        Assert.True(resolved.ExitCode == 0, resolved.ToString());
        var folder = Path.Combine(Path.GetDirectoryName(cli.ConfigPath)!, "drafts");
        var exported = await cli.RunAsync("incidents", "export", id, "--format", "both", "--out", folder);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var draft = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"{id}-gpai-cop-initial.json"))).RootElement;
        Assert.Equal("gpai-cop/initial-report", draft.GetProperty("obligation").GetString());
        Assert.True(File.Exists(Path.Combine(folder, $"{id}-gpai-cop-initial.md")));
        var final = await cli.RunAsync("incidents", "export", id, "--regime", "gpai-cop", "--obligation", "gpai-cop/final-report", "--json");
        Assert.Equal("final", JsonDocument.Parse(final.Out).RootElement.GetProperty("report").GetString());
        Assert.Contains("Token revoked", final.Out);
    }

    [Fact]
    public async Task BadInput_ExitsTwo_AndWritesNothing()
    {
        using var cli = new CliRunner(Server.Url, Server.AdminToken);
        var count = await CountAsync();
        var badCategory = await cli.RunAsync("incidents", "open", "--title", "T", "--discovered", Day(0), "--category", "deaths");
        Assert.Equal(2, badCategory.ExitCode);
        var noTitle = await cli.RunAsync("incidents", "open", "--discovered", Day(0));
        Assert.Equal(2, noTitle.ExitCode);
        var future = await cli.RunAsync("incidents", "open", "--title", "T", "--discovered", Day(3));
        Assert.Equal(2, future.ExitCode);
        Assert.Contains("is in the future", future.Error);
        var ghost = await cli.RunAsync("incidents", "open", "--title", "T", "--discovered", Day(0), "--system", "ghost-system");
        Assert.Equal(2, ghost.ExitCode);
        Assert.Contains("No system 'ghost-system' is registered", ghost.Error);
        var badFile = await cli.RunAsync("incidents", "open", "--title", "T", "--discovered", Day(0), "--fields", cli.WriteFile("f.json", "[1]"));
        Assert.Equal(2, badFile.ExitCode);
        Assert.Equal(count, await CountAsync());

        var unknown = await cli.RunAsync("incidents", "show", "inc-999999");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No incident 'inc-999999'", unknown.Error);
        using var anonymous = new CliRunner(Server.Url);
        Assert.Equal(3, (await anonymous.RunAsync("incidents", "due")).ExitCode);
    }
}
