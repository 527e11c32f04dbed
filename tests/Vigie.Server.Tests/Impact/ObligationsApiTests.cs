using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Server.Features.Gate;
using Vigie.Server.Ledger;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Impact;

public abstract class ObligationsApiTests : ImpactTest
{
    [Fact]
    public async Task CrossingTheThresholds_BringsTheEuAndSb53Obligations_DueFromTheRunsLogTimes()
    {
        await StartOnClockAsync();
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        await RunAsync(admin, "1.0", "pretrain", 8e24);
        var below = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/obligations"));
        Assert.Empty(below.GetProperty("obligations").EnumerateArray());

        Clock.Advance(TimeSpan.FromHours(2)); // 12:00 UTC: the run that crosses 10^25 is logged now
        await RunAsync(admin, "1.0", "continued", 4e24);
        var eu = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/obligations"));
        var notice = Obligation(eu, "eu-art52-notification");
        Assert.Equal("2026-03-15T12:00:00.000Z", notice.GetProperty("dueAt").GetString());
        Assert.Equal("open", notice.GetProperty("status").GetString());
        Assert.Contains("'continued'", notice.GetProperty("dueBasis").GetString());
        Assert.False(Applies(eu, "sb53"));

        // A fine-tune on top counts toward SB 53 (cumulative with its base): 1.2e25 + 9e25 > 10^26.
        Clock.Advance(TimeSpan.FromDays(20));
        await RegisterAsync(admin, version: "1.1-rl", baseVersion: "atlas@1.0");
        await RunAsync(admin, "1.1-rl", "rl", 9e25);
        await PostOkAsync(admin, "/api/v1/organisation/revenue", new { year = 2025, revenueUsd = 7.5e8, source = "Audited accounts 2025" });
        var frontier = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/obligations"));
        Assert.True(Applies(frontier, "sb53"));
        Assert.True(Applies(frontier, "sb53-large-developer"));
        Assert.True(Applies(frontier, "raise"));
        Assert.Equal("overdue", Obligation(frontier, "eu-art52-notification").GetProperty("status").GetString());
        Assert.Equal("2026-03-21T12:00:00.000Z", Obligation(frontier, "sb53-framework").GetProperty("dueAt").GetString());
        Assert.Equal("2026-06-21T12:00:00.000Z", Obligation(frontier, "sb53-oes-summary").GetProperty("dueAt").GetString());
        Assert.Equal(["sb53", "raise", "gpai-cop"], frontier.GetProperty("incidentRegimes").EnumerateArray().Select(r => r.GetString()));

        // The version's impact shows the compute behind it: its own run, with its base's, and the thresholds crossed.
        var compute = (await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.1-rl/impact"))).GetProperty("compute");
        Assert.Equal(9e25, compute.GetProperty("ownFlop").GetDouble());
        Assert.Equal(1.02e26, compute.GetProperty("withLineageFlop").GetDouble(), 1e12);
        Assert.Equal(["eu-ai-act-systemic-risk", "sb53-frontier-model", "raise-frontier-model"],
            compute.GetProperty("crosses").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        var baseOnly = (await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0/impact"))).GetProperty("compute");
        Assert.Equal(["eu-ai-act-systemic-risk"], baseOnly.GetProperty("crosses").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        var met = await PostOkAsync(admin, "/api/v1/systems/atlas/obligations/eu-art52-notification/met", new { reference = "AI Office notification 2026/123" });
        var after = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/obligations"));
        var done = Obligation(after, "eu-art52-notification");
        Assert.Equal("met", done.GetProperty("status").GetString());
        Assert.Equal("AI Office notification 2026/123", done.GetProperty("metBy").GetProperty("reference").GetString());

        // The regulatory part of the release dossier carries the notification and the regimes.
        var dossier = new JsonObject();
        foreach (var source in Factory.Services.GetServices<IDossierSource>())
        {
            await source.ContributeAsync(new DossierRequest("atlas", "1.1-rl", "deploy-external", Clock.GetUtcNow()), dossier, CancellationToken.None);
        }

        Assert.Equal("AI Office notification 2026/123", (string?)dossier["regulatory"]!["euSystemicRiskNotification"]!["reference"]);
        Assert.Equal(met.GetProperty("recordedAt").GetString(), (string?)dossier["regulatory"]!["euSystemicRiskNotification"]!["recordedAt"]);
        Assert.Contains("sb53", dossier["regulatory"]!["regimes"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task MetAndRevenue_RefuseBadInput_AndWriteNothing()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        var size = TreeSize;
        var notAnObligation = await admin.PostAsJsonAsync("/api/v1/systems/atlas/obligations/eu-art52-notification/met", new { reference = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, notAnObligation.StatusCode);
        Assert.Contains("is not an obligation", await notAnObligation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/organisation/revenue", new { year = 2025, revenueUsd = -1, source = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/systems/ghost/obligations")).StatusCode);
        var member = Factory.CreateClient(await CreateUserAsync(admin, "mia", "member"));
        size = TreeSize;
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/organisation/revenue", new { year = 2025, revenueUsd = 1, source = "x" })).StatusCode);
        Assert.Equal(size, TreeSize);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/v1/systems/atlas/obligations")).StatusCode);
    }

    [Fact]
    public async Task RebuildProjections_GivesIdenticalImpactState()
    {
        var admin = Factory.Admin();
        await RegisterAsync(admin);
        await RunAsync(admin, "1.0", "pretrain", 2e25, hours: 1000);
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs/pretrain/energy", new { accelerator = "H100-SXM", region = "DE" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/obligations/eu-art52-notification/met", new { reference = "R-1", note = "sent" });
        await PostOkAsync(admin, "/api/v1/organisation/revenue", new { year = 2025, revenueUsd = 1e9, source = "accounts" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/classification", new { answers = new Dictionary<string, bool> { ["eu-market"] = true, ["general-purpose"] = true } });
        var csv = new StringContent("group,label,prediction\na,1,1\nb,1,0\n", System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/systems/atlas/versions/1.0/fairness?assessment=q1&group=group", csv)).StatusCode);

        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();
        Assert.Contains("obligation=eu-art52-notification", before);
        Assert.Contains("assessment=q1", before);
        Assert.Equal(before, after);
    }
}

public sealed class ObligationsApiTestsOnSqlite : ObligationsApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class ObligationsApiTestsOnPostgres : ObligationsApiTests
{
    protected override bool UsePostgres => true;
}
