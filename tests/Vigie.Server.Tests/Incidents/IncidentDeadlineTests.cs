using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>
/// Every applicable deadline with its legal basis, on METHODS.md's known answers ("Deadline
/// clocks"): SB 53 discovered 2026-04-01 → 2026-04-16, 24 hours when imminent; AI Act Art. 73
/// aware 2026-05-04 → 2026-05-19, death 2026-05-14, critical infrastructure 2026-05-06.
/// </summary>
public abstract class IncidentDeadlineTests : IncidentTest
{
    [Fact]
    public async Task Sb53_FifteenDaysFromDiscovery_AndTwentyFourHoursWhenImminent()
    {
        await StartAsync(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
        var plain = await OpenAsync(new { title = "Weights accessed without authorisation", discovered = "2026-04-01", regimes = new[] { "sb53" } });
        var oes = Assert.Single(plain.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("sb53/oes-report", Text(oes, "obligation"));
        Assert.Equal("2026-04-16", Text(oes, "dueDate"));
        Assert.Equal("2026-04-16 (end of day, UTC)", Text(oes, "due"));
        Assert.Contains("§22757.13", Text(oes, "legalBasis"));
        Assert.Contains("within 15 days", Text(oes, "legalBasis"));
        Assert.Equal("due", Text(oes, "status"));
        Assert.Matches(@"^inc-\d+$", Text(plain, "id"));

        var imminent = await OpenAsync(new
        {
            title = "Model gave working uplift instructions", discovered = "2026-04-01T09:30:00Z", regimes = new[] { "sb53" }, imminentDanger = true,
        });
        var deadlines = Deadlines(imminent);
        Assert.Equal("2026-04-02T09:30:00.000Z", Text(deadlines["sb53/imminent-danger-disclosure"], "dueTime"));
        Assert.Equal("hour", Text(deadlines["sb53/imminent-danger-disclosure"], "precision"));
        Assert.Equal("2026-04-16", Text(deadlines["sb53/oes-report"], "dueDate"));
        Assert.Equal("critical", Text(imminent, "severity"));
        // Soonest first: what is due next leads.
        Assert.Equal("sb53/imminent-danger-disclosure", Text(imminent.GetProperty("next"), "obligation"));
    }

    [Theory]
    [InlineData("other-serious-harm", "2026-05-19", "Art. 73(2)")]
    [InlineData("death", "2026-05-14", "Art. 73(4)")]
    [InlineData("critical-infrastructure", "2026-05-06", "Art. 73(3)")]
    public async Task AiActArt73_ByCategory(string category, string due, string article)
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var incident = await OpenAsync(new { title = "Serious incident", discovered = "2026-05-04", category, regimes = new[] { "eu-ai-act-art73" } });
        var report = Deadlines(incident)["eu-ai-act-art73/report"];
        Assert.Equal(due, Text(report, "dueDate"));
        Assert.Contains(article, Text(report, "legalBasis"));
        Assert.Contains("Regulation (EU) 2024/1689", Text(report, "legalBasis"));
    }

    [Fact]
    public async Task CodeOfPractice_InitialByCategory_UpdatesEveryFourWeeks_FinalSixtyDaysAfterResolution()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var breach = await OpenAsync(new { title = "Weights exfiltrated", discovered = "2026-05-04", category = "cybersecurity", regimes = new[] { "gpai-cop" } });
        var id = Text(breach, "id");
        Assert.Equal("2026-05-09", Text(Deadlines(breach)["gpai-cop/initial-report"], "dueDate"));
        Assert.Contains("Measure 9.3", Text(Deadlines(breach)["gpai-cop/initial-report"], "legalBasis"));

        // The initial report sent on 7 May starts the 4-week update clock: 4 June.
        Clock.SetUtcNow(new DateTimeOffset(2026, 5, 8, 9, 0, 0, TimeSpan.Zero));
        var sent = await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/submissions",
            new { regime = "gpai-cop", submittedAt = "2026-05-07T16:00:00Z", reference = "AIO-2026-0042" });
        var deadlines = Deadlines(sent.GetProperty("incident"));
        Assert.Equal("met-on-time", Text(deadlines["gpai-cop/initial-report"], "status"));
        Assert.Equal("2026-06-04", Text(deadlines["gpai-cop/update"], "dueDate"));
        var submission = Assert.Single(sent.GetProperty("incident").GetProperty("submissions").EnumerateArray());
        Assert.Equal("gpai-cop/initial-report", Text(submission, "obligation"));
        Assert.True(submission.GetProperty("onTime").GetBoolean());

        // An update sent late (5 June) is recorded as late; the next runs 4 weeks from it.
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("overdue", Text(Deadlines(await DetailAsync(id))["gpai-cop/update"], "status"));
        var update = await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/submissions", new { regime = "gpai-cop", reference = "AIO-2026-0042/2" });
        var late = update.GetProperty("incident").GetProperty("submissions").EnumerateArray().Last();
        Assert.Equal("gpai-cop/update", Text(late, "obligation"));
        Assert.False(late.GetProperty("onTime").GetBoolean());
        Assert.Equal("2026-07-03", Text(Deadlines(update.GetProperty("incident"))["gpai-cop/update"], "dueDate"));

        // Resolved on 20 June: updates stop, the final report is due 60 days later (19 August).
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 22, 9, 0, 0, TimeSpan.Zero));
        var resolved = await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { resolvedAt = "2026-06-20", resolution = "Credentials rotated" });
        var after = Deadlines(resolved.GetProperty("incident"));
        Assert.False(after.ContainsKey("gpai-cop/update"));
        Assert.Equal("2026-08-19", Text(after["gpai-cop/final-report"], "dueDate"));
        Assert.Equal("resolved", Text(resolved.GetProperty("incident"), "status"));
    }

    [Fact]
    public async Task ImpliedRegimes_ComeFromTheSystemsObligations_AndNamedOnesAdd()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        await RegisterSystemAsync("atlas", 9e25, fineTuneFlop: 2e25);   // the fine-tune's lineage crosses 10^26
        await RegisterSystemAsync("vega", 3e25);                         // systemic risk only
        await RegisterSystemAsync("pico", 1e22);                         // neither

        var frontier = await OpenAsync(new { title = "Loss of control in eval", discovered = "2026-05-04", system = "atlas", version = "1.0" });
        var regimes = frontier.GetProperty("regimes").EnumerateArray().ToDictionary(r => Text(r, "regime"));
        Assert.Equal(["gpai-cop", "sb53"], regimes.Keys.Order(StringComparer.Ordinal));
        var why = regimes["sb53"].GetProperty("sources")[0].GetString()!;
        Assert.StartsWith("California SB 53: frontier developer: training run 'rl' of version 1.1-ft", why);
        Assert.Contains("over 10^26", why);
        Assert.False(regimes.ContainsKey("raise")); // no revenue recorded, and not in force before 2027

        var systemic = await OpenAsync(new { title = "Harmful manipulation", discovered = "2026-05-04", system = "vega", regimes = new[] { "eu-ai-act-art73" } });
        var named = systemic.GetProperty("regimes").EnumerateArray().ToDictionary(r => Text(r, "regime"));
        Assert.Equal(["eu-ai-act-art73", "gpai-cop"], named.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("named", named["eu-ai-act-art73"].GetProperty("sources")[0].GetString());

        var small = await OpenAsync(new { title = "Chatbot outage", discovered = "2026-05-04", system = "pico" });
        Assert.Empty(small.GetProperty("regimes").EnumerateArray());
        Assert.Empty(small.GetProperty("deadlines").EnumerateArray());

        // In 2027, with 2026 revenue above USD 500 million on record, the frontier system is a large
        // developer's: RAISE applies to new incidents, 72 hours.
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));
        await PostAsync(Factory.Admin(), "/api/v1/organisation/revenue", new { year = 2026, revenueUsd = 7.5e8, source = "Audited 2026 accounts" });
        var ny = await OpenAsync(new { title = "Later incident", discovered = "2027-02-01T08:00:00Z", system = "atlas" });
        Assert.Equal("2027-02-04T08:00:00.000Z", Text(Deadlines(ny)["raise/state-report"], "dueTime"));
    }

    [Fact]
    public async Task NearMiss_IsRegistered_WithoutAnyClock()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var miss = await OpenAsync(new { title = "Jailbreak caught by filter", discovered = "2026-05-04", category = "near-miss", regimes = new[] { "sb53", "gpai-cop" } });
        Assert.Empty(miss.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("low", Text(miss, "severity"));
        var detail = await RefusedAsync(HttpStatusCode.Conflict, c => c.PostAsJsonAsync($"/api/v1/incidents/{Text(miss, "id")}/submissions", new { regime = "sb53" }));
        Assert.Contains("near miss", detail);
    }

    [Fact]
    public async Task ClockThatLapses_IsShownOverdue_InTheIncidentAndInWhatIsDue()
    {
        await StartAsync(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
        var incident = await OpenAsync(new { title = "Critical safety incident", discovered = "2026-04-01", regimes = new[] { "sb53", "eu-ai-act-art73" } });
        var id = Text(incident, "id");
        var due = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/incidents/due"));
        // Both fall on 16 April; the same day sorts by obligation code.
        Assert.Equal(["eu-ai-act-art73/report", "sb53/oes-report"],
            due.GetProperty("deadlines").EnumerateArray().Select(d => Text(d.GetProperty("deadline"), "obligation")));
        Assert.All(due.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("due", Text(d.GetProperty("deadline"), "status")));

        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 16, 23, 59, 0, TimeSpan.Zero)); // still the last day
        Assert.Equal("due", Text(Deadlines(await DetailAsync(id))["sb53/oes-report"], "status"));
        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 17, 0, 0, 0, TimeSpan.Zero));
        var lapsed = await DetailAsync(id);
        Assert.Equal("overdue", Text(Deadlines(lapsed)["sb53/oes-report"], "status"));
        Assert.Equal(2, lapsed.GetProperty("overdue").GetInt32());
        due = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/incidents/due"));
        Assert.All(due.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("overdue", Text(d.GetProperty("deadline"), "status")));

        // Reporting now meets the obligation, late; it leaves the due list.
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/submissions", new { regime = "sb53", reference = "OES-77" });
        Assert.Equal("met-late", Text(Deadlines(await DetailAsync(id))["sb53/oes-report"], "status"));
        due = await ReadJsonAsync(await Factory.Admin().GetAsync("/api/v1/incidents/due"));
        Assert.Equal(["eu-ai-act-art73/report"], due.GetProperty("deadlines").EnumerateArray().Select(d => Text(d.GetProperty("deadline"), "obligation")));
    }

    [Fact]
    public async Task DaysCountInTheOrganisationsZone()
    {
        await StartAsync(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero), zone: "America/Los_Angeles");
        var incident = await OpenAsync(new { title = "Incident", discovered = "2026-04-01", regimes = new[] { "sb53" } });
        // The date is read as the start of 1 April in Los Angeles (07:00 UTC).
        Assert.Equal("2026-04-01T07:00:00.000Z", Text(incident, "discoveredAt"));
        Assert.Equal("2026-04-16 (end of day, America/Los_Angeles)", Text(Deadlines(incident)["sb53/oes-report"], "due"));
        Assert.Equal("2026-04-17T07:00:00.000Z", Text(Deadlines(incident)["sb53/oes-report"], "cutoff"));
    }
}

public sealed class IncidentDeadlineTestsOnSqlite : IncidentDeadlineTests
{
    protected override bool UsePostgres => false;
}

public sealed class IncidentDeadlineTestsOnPostgres : IncidentDeadlineTests
{
    protected override bool UsePostgres => true;
}
