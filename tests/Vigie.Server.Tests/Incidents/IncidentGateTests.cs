using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Gate;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>
/// End to end through the real gate (POST /api/v1/gate/check): an active policy blocks
/// deployment while a critical incident on the system is open, and lets it through once resolved.
/// </summary>
public abstract class IncidentGateTests : GateTest
{
    private const string IncidentRule = """
          - id: no-open-critical-incident
            applies_to: [deploy-internal, deploy-external]
            when: has(dossier.incidents)
            require: "!dossier.incidents.exists(i, i.status == 'open' && i.severity == 'critical')"
            severity: block
            message: A critical incident on this system is still open; resolve it before the model goes further.
            implements: "SB 53, Cal. Bus. & Prof. Code §22757.13 (critical safety incidents)"
        """;

    [Fact]
    public async Task OpenCriticalIncident_BlocksDeployment_UntilItIsResolved()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy(extra: IncidentRule));
        await ApproveAsync();
        var before = await CheckOkAsync();
        Assert.Equal("allow-with-warnings", before.GetProperty("result").GetString()); // only the card is missing
        Assert.Equal("pass", Outcomes(before)["no-open-critical-incident"]);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);
        var opened = await Person("rso").PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Model gave operational uplift", discovered = today, system = System, version = Version, imminentDanger = true, visibility = "confidential",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await ReadJsonAsync(opened)).GetProperty("incident").GetProperty("id").GetString()!;

        var blocked = await CheckOkAsync(includeDossier: true);
        Assert.Equal("deny", blocked.GetProperty("result").GetString());
        Assert.Equal("fail", Outcomes(blocked)["no-open-critical-incident"]);
        var rule = blocked.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "no-open-critical-incident");
        Assert.Contains("A critical incident on this system is still open", rule.GetProperty("message").GetString());
        var listed = Assert.Single(blocked.GetProperty("dossier").GetProperty("incidents").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("critical", listed.GetProperty("severity").GetString());

        var resolved = await Person("rso").PostAsJsonAsync($"/api/v1/incidents/{id}/resolution", new { resolution = "Classifier retrained and deployed" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var after = await CheckOkAsync();
        Assert.Equal("allow-with-warnings", after.GetProperty("result").GetString());
        Assert.Equal("pass", Outcomes(after)["no-open-critical-incident"]);
    }
}

public sealed class IncidentGateTestsOnSqlite : IncidentGateTests
{
    protected override bool UsePostgres => false;
}

public sealed class IncidentGateTestsOnPostgres : IncidentGateTests
{
    protected override bool UsePostgres => true;
}
