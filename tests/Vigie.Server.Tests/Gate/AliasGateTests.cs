using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>Moving an alias is a deployment: once a policy is active it runs the gate, and a deny refuses the move with its reasons.</summary>
public abstract class AliasGateTests : GateTest
{
    [Fact]
    public async Task MovingAnAlias_RunsTheGate_AndADenyRefusesTheMoveWithTheReasons()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var approved = await ApproveAsync();
        var admin = App.Admin();

        // New evidence after the approval: the approved decision is stale, so the gate denies the deployment.
        await RecordAboutVersionAsync("eval-late.json");
        var size = TreeSize;
        var response = await admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version });
        var problem = await ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The release gate denies deploy-external of atlas@1.0 under policy test-gate@1", problem.GetProperty("detail").GetString());
        Assert.Contains("[approved-decision] No approved decision of this type rests on the current evidence.", problem.GetProperty("detail").GetString());
        Assert.Equal("approved-decision", Assert.Single(problem.GetProperty("rules").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(size + 1, TreeSize); // the evaluation is recorded; the move is not
        Assert.Equal("deny", problem.GetProperty("gate").GetProperty("result").GetString());
        var aliases = await ReadJsonAsync(await admin.GetAsync($"/api/v1/systems/{System}/aliases"));
        Assert.Empty(aliases.GetProperty("current").EnumerateArray());

        // Decided again on the current evidence: the gate allows (with the card warning) and the move cites the evaluation.
        var again = await ApproveAsync();
        Assert.NotEqual(approved, again);
        var moved = await ReadJsonAsync(await admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version }));
        Assert.Equal(again, moved.GetProperty("decision").GetString());
        var gate = moved.GetProperty("gate");
        Assert.Equal("allow-with-warnings", gate.GetProperty("result").GetString());
        var entry = await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/log/entries/{moved.GetProperty("index").GetInt64()}"));
        Assert.Contains($"\"gateCheck\":{gate.GetProperty("index").GetInt64()}", entry.GetRawText());
    }
}

public sealed class AliasGateTestsOnSqlite : AliasGateTests
{
    protected override bool UsePostgres => false;
}

public sealed class AliasGateTestsOnPostgres : AliasGateTests
{
    protected override bool UsePostgres => true;
}
