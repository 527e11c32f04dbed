using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Gate;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>An approved FRIA reaches the release dossier, and the example policy blocks a high-risk system's deployment until it does.</summary>
public abstract class FriaGateTests : GateTest
{
    private const string Fria = "/api/v1/systems/atlas/frias/lending-fr";

    [Fact]
    public async Task AHighRiskSystem_IsBlocked_UntilItsFriaOfThisVersionIsApproved()
    {
        await SetUpAsync();
        await ActivateAsync(FairnessGateTests.Example("fria-before-deployment.yaml"));

        // Not classified yet: the rule does not apply.
        Assert.Equal("not-applicable", Outcomes(await CheckOkAsync())["fria-approved"]);

        await PostAsync(App.Admin(), "/api/v1/systems/atlas/classification",
            new { answers = new Dictionary<string, bool> { ["eu-market"] = true, ["essential-services"] = true } }, HttpStatusCode.Created);
        var noFria = await CheckOkAsync();
        Assert.Equal("deny", noFria.GetProperty("result").GetString());
        Assert.Equal("fail", Outcomes(noFria)["fria-approved"]);

        // A complete draft in review is still not enough.
        var put = await Person("max").PutAsJsonAsync(Fria, new { version = Version, document = FriaApiTests.Document(), baseRevision = 0 });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var review = await PostAsync(Person("olga"), Fria + "/review", new { }, HttpStatusCode.Created);
        Assert.Equal("fail", Outcomes(await CheckOkAsync())["fria-approved"]);

        var id = review.GetProperty("decision").GetString()!;
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        Assert.Equal("pass", Outcomes(await CheckOkAsync())["fria-approved"]);

        // A FRIA written for another version does not cover this one.
        await PostAsync(App.Admin(), "/api/v1/systems/atlas/versions", new { version = "1.1" }, HttpStatusCode.Created);
        Assert.Equal("fail", Outcomes(await CheckOkAsync(version: "1.1"))["fria-approved"]);
    }
}

public sealed class FriaGateTestsOnSqlite : FriaGateTests
{
    protected override bool UsePostgres => false;
}

public sealed class FriaGateTestsOnPostgres : FriaGateTests
{
    protected override bool UsePostgres => true;
}
