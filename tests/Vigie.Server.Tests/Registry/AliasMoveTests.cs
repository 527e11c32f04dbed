using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Registry;

/// <summary>Moving an alias is a deployment: it needs an approved decision of the alias's type about the version.</summary>
public abstract class AliasMoveTests : DecisionTest
{
    [Fact]
    public async Task MovingProduction_IsRefusedWithoutAnApprovedDeployExternalDecision_ThenAllowedAndRecorded()
    {
        await SetUpAsync();
        var admin = App.Admin();
        var refused = await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version }), HttpStatusCode.Conflict);
        Assert.Contains("needs an approved deploy-external decision", refused);
        Assert.Contains("vigie decisions open --type deploy-external", refused);

        var id = await OpenAsync();
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");

        // still open (the executive has not decided): not yet a deployment approval
        Assert.Contains("none exists", await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version }), HttpStatusCode.Conflict));
        await SignOkAsync(id, "eve");

        var moved = await ReadJsonAsync(await admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version, decision = id }));
        Assert.Equal(id, moved.GetProperty("decision").GetString());
        Assert.Equal("deploy-external", moved.GetProperty("decisionType").GetString());

        // the move is a public log entry (the version is public) naming the decision
        var entry = await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/log/entries/{moved.GetProperty("index").GetInt64()}"));
        Assert.Contains(id, entry.GetRawText());
        var deployed = await ReadJsonAsync(await admin.GetAsync($"/api/v1/systems/{System}/versions/{Version}"));
        Assert.Equal("deployed", deployed.GetProperty("version").GetProperty("status").GetString());
        Assert.Contains(id, deployed.GetProperty("statusChanges")[0].GetProperty("reason").GetString());
        var aliases = await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/systems/{System}/aliases"));
        var current = Assert.Single(aliases.GetProperty("current").EnumerateArray());
        Assert.Equal(Version, current.GetProperty("version").GetString());

        // the approval is for deploy-external: a research-preview alias needs an alias-move decision
        Assert.Contains("alias-move", await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/research-preview", new { version = Version }), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task AliasMove_WithAStaleExpectation_OrTheWrongDecision_OrBadInput_IsRefused()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        var admin = App.Admin();

        Assert.Contains("points at nothing", await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version, expectedVersion = "0.9" }), HttpStatusCode.Conflict));
        Assert.Contains("is not the approved", await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version, decision = "dec-1" }), HttpStatusCode.Conflict));
        Assert.Contains("not a valid alias", await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/Prod!", new { version = Version }), HttpStatusCode.BadRequest));
        Assert.Contains("No version", await RefusedAsync(() => admin.PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = "9.9" }), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.Forbidden, (await Person("audrey").PutAsJsonAsync($"/api/v1/systems/{System}/aliases/production", new { version = Version })).StatusCode);
    }
}

public sealed class AliasMoveTestsOnSqlite : AliasMoveTests
{
    protected override bool UsePostgres => false;
}

public sealed class AliasMoveTestsOnPostgres : AliasMoveTests
{
    protected override bool UsePostgres => true;
}
