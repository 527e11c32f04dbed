using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Core.Policies;
using Vigie.Server.Features.Gate;
using Vigie.Server.Features.Incidents;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>
/// The incidents part of the release dossier, from the registered <see cref="IDossierSource"/>:
/// it fits the dossier schema, and the shipped regulatory-baseline policy blocks a deployment
/// while a critical incident on the system is open (the gate itself is another feature).
/// </summary>
public abstract class IncidentDossierTests : IncidentTest
{
    private IDossierSource Source => Factory.Services.GetServices<IDossierSource>().OfType<IncidentDossierSource>().Single();

    private async Task<JsonObject> DossierAsync(string system, DateTimeOffset time, string action = "deploy-external")
    {
        var dossier = JsonNode.Parse(DossierSchema.SampleText)!.AsObject();
        dossier.Remove("incidents");
        dossier["waivers"] = new JsonArray(); // the sample's waiver names a rule of the sample policy
        dossier["action"] = action;
        dossier["time"] = IncidentTimes.Format(time);
        await Source.ContributeAsync(new DossierRequest(system, "1.0", action, time), dossier, CancellationToken.None);
        return dossier;
    }

    [Fact]
    public async Task IncidentsOnTheSystem_AreListed_OpenFirst_AndFitTheSchema()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        await RegisterSystemAsync("atlas", 1e24);
        await RegisterSystemAsync("vega", 1e24);
        var resolved = Text(await OpenAsync(new { title = "Old breach", discovered = "2026-05-01", system = "atlas", category = "cybersecurity" }), "id");
        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{resolved}/resolution", new { resolvedAt = "2026-05-03T12:00:00Z" });
        var critical = Text(await OpenAsync(new { title = "Imminent danger", discovered = "2026-05-04T09:00:00Z", system = "atlas", imminentDanger = true, visibility = "confidential" }), "id");
        await OpenAsync(new { title = "Elsewhere", discovered = "2026-05-04", system = "vega", severity = "critical" });

        var dossier = await DossierAsync("atlas", new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var incidents = dossier["incidents"]!.AsArray();
        Assert.Equal([critical, resolved], incidents.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal("""{"id":"CRIT","severity":"critical","status":"open","category":"other-serious-harm","discoveredAt":"2026-05-04T09:00:00.000Z"}""".Replace("CRIT", critical, StringComparison.Ordinal),
            incidents[0]!.ToJsonString());
        Assert.Equal("2026-05-03T12:00:00.000Z", incidents[1]!["resolvedAt"]!.GetValue<string>());
        Assert.Empty(DossierSchema.Validate(JsonSerializer.SerializeToElement(dossier)));

        // Not yet discovered at the dossier's time: not listed. A system without incidents: an empty list, not an absent one.
        Assert.Equal([resolved], (await DossierAsync("atlas", new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero)))["incidents"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Empty((await DossierAsync("pico", new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero)))["incidents"]!.AsArray());
    }

    [Fact]
    public async Task TheRegulatoryBaselinePolicy_BlocksDeployment_WhileACriticalIncidentIsOpen()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        await RegisterSystemAsync("atlas", 1e24);
        var id = Text(await OpenAsync(new { title = "Agent disrupted a power grid", discovered = "2026-05-04", system = "atlas", category = "critical-infrastructure" }), "id");
        var policy = PolicyReader.Read(File.ReadAllText(Preset("regulatory-baseline.yaml")));
        Assert.True(policy.Succeeded, policy.ErrorText);

        var blocked = Evaluate(policy.Policy!, await DossierAsync("atlas", Clock.GetUtcNow()));
        Assert.Equal(GateVerdict.Deny, blocked.Verdict);
        Assert.Equal(RuleOutcome.Fail, blocked.Rules.Single(r => r.Id == "no-open-critical-incident").Outcome);
        Assert.Equal(RuleOutcome.Pass, blocked.Rules.Single(r => r.Id == "incidents-tracked").Outcome);

        await PostAsync(Factory.Admin(), $"/api/v1/incidents/{id}/resolution", new { resolution = "Grid operator confirmed recovery" });
        var after = Evaluate(policy.Policy!, await DossierAsync("atlas", Clock.GetUtcNow()));
        Assert.Equal(RuleOutcome.Pass, after.Rules.Single(r => r.Id == "no-open-critical-incident").Outcome);
    }

    [Fact]
    public async Task TheGatesDossier_CarriesTheOpenCriticalIncident_AndThePolicyBlocksOnIt()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        await RegisterSystemAsync("atlas", 1e24);
        var id = Text(await OpenAsync(new { title = "Imminent danger", discovered = "2026-05-05T08:00:00Z", system = "atlas", imminentDanger = true }), "id");

        var response = await Factory.Admin().GetAsync("/api/v1/gate/dossier?system=atlas&version=1.0&action=deploy-external");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var dossier = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var incident = Assert.Single(dossier["incidents"]!.AsArray());
        Assert.Equal(id, incident!["id"]!.GetValue<string>());
        Assert.Equal("critical", incident["severity"]!.GetValue<string>());

        var policy = PolicyReader.Read(File.ReadAllText(Preset("regulatory-baseline.yaml")));
        var result = Evaluate(policy.Policy!, dossier);
        Assert.Equal(GateVerdict.Deny, result.Verdict);
        Assert.Equal(RuleOutcome.Fail, result.Rules.Single(r => r.Id == "no-open-critical-incident").Outcome);
    }

    private static GateResult Evaluate(Policy policy, JsonObject dossier)
    {
        var parsed = ReleaseDossier.Parse(dossier.ToJsonString());
        Assert.True(parsed.Succeeded, parsed.ErrorText);
        var evaluation = PolicyGate.Evaluate(policy, parsed.Dossier!);
        Assert.True(evaluation.Succeeded, evaluation.ErrorText);
        return evaluation.Result!;
    }

    private static string Preset(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine(dir.FullName, "presets", "policies", file);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }
}

public sealed class IncidentDossierTestsOnSqlite : IncidentDossierTests
{
    protected override bool UsePostgres => false;
}

public sealed class IncidentDossierTestsOnPostgres : IncidentDossierTests
{
    protected override bool UsePostgres => true;
}
