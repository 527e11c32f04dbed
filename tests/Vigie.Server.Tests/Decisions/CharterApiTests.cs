using System.Net;
using System.Net.Http.Json;
using Vigie.Core.Governance;
using Vigie.Server.Features.Users;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>The first charter is adopted by an admin; every later one only through an approved charter-change decision.</summary>
public abstract class CharterApiTests : DecisionTest
{
    private static string NextVersion(string yaml, int version) =>
        yaml.Replace("version: 1\n", $"version: {version}\n", StringComparison.Ordinal)
            .Replace("within-days: 30 }", "within-days: 45 }", StringComparison.Ordinal);

    [Fact]
    public void CoreRoleNames_AreTheServersRoles()
    {
        Assert.Equal(Roles.All, GovernanceRoles.All);
    }

    [Fact]
    public async Task BeforeAnyCharter_CurrentIsNotFound_AndDecisionsCannotOpen()
    {
        var admin = Factory.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync("/api/v1/charters/current")).StatusCode);

        var detail = await RefusedAsync(() => admin.PostAsJsonAsync("/api/v1/decisions", new { type = "policy-change", title = "x" }), HttpStatusCode.Conflict);

        Assert.Contains("No charter is in force yet", detail);
    }

    [Fact]
    public async Task FirstCharter_IsAdoptedByAnAdmin_AndIsPublic_ButASecondNeedsADecision()
    {
        var admin = Factory.Admin();
        var member = Factory.CreateClient(await CreateUserAsync(admin, "max", "member"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/charters", new { yaml = Preset("rsp-style.yaml") })).StatusCode);

        var adopted = await PostAsync(admin, "/api/v1/charters", new { yaml = Preset("rsp-style.yaml") }, HttpStatusCode.Created);
        Assert.Equal("rsp-style", adopted.GetProperty("name").GetString());
        Assert.Equal(CharterReader.Digest(Preset("rsp-style.yaml")), adopted.GetProperty("digest").GetString());

        var current = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/charters/current"));
        Assert.Equal(Preset("rsp-style.yaml"), current.GetProperty("yaml").GetString());
        var deploy = current.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "deploy-external");
        Assert.Equal(["safety-officer"], deploy.GetProperty("veto").EnumerateArray().Select(v => v.GetString()));

        var second = await RefusedAsync(() => admin.PostAsJsonAsync("/api/v1/charters", new { yaml = Preset("preparedness-style.yaml") }), HttpStatusCode.Conflict);
        Assert.Contains("only through an approved charter-change decision", second);
    }

    [Fact]
    public async Task InvalidCharter_IsABadRequest_NamingTheLine()
    {
        var broken = Preset("preparedness-style.yaml").Replace("role: executive, quorum: 1 of 1 }\n    review: { role: board, within-days: 30 }",
            "role: executive, quorum: 2 of 1 }\n    review: { role: board, within-days: 30 }", StringComparison.Ordinal);

        var detail = await RefusedAsync(() => Factory.Admin().PostAsJsonAsync("/api/v1/charters", new { yaml = broken }), HttpStatusCode.BadRequest);

        Assert.Contains("line 44, column", detail);
        Assert.Contains("more approvals (2) than there are seats (1)", detail);
    }

    [Fact]
    public async Task CharterChange_ApprovedByExecutiveAndBoard_IsAdoptedAutomatically()
    {
        await SetUpAsync();
        var proposal = NextVersion(Preset("preparedness-style.yaml"), 2);
        var opened = await PostAsync(Person("olga"), "/api/v1/decisions",
            new { type = "charter-change", title = "Give the board 45 days to review external deployments", proposedCharter = proposal }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetString()!;
        Assert.Equal(CharterReader.Digest(proposal), opened.GetProperty("proposedCharter").GetProperty("digest").GetString());
        Assert.Equal("charter", Assert.Single(opened.GetProperty("snapshot").GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());

        await SignOkAsync(id, "eve");
        await SignOkAsync(id, "bo");
        Assert.Equal(1, (await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/charters/current"))).GetProperty("version").GetInt32());
        await SignOkAsync(id, "bob");

        var current = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/charters/current"));
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(id, current.GetProperty("decision").GetString());
        Assert.Equal(CharterReader.Digest(proposal), current.GetProperty("digest").GetString());
        var history = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/charters"));
        Assert.Equal([1, 2], history.EnumerateArray().Select(c => c.GetProperty("version").GetInt32()));

        // new decisions open under the new charter; those already open keep the one they opened under
        var next = await OpenAsync();
        Assert.Equal(2, (await GetAsync(next)).GetProperty("charter").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CharterChange_AgainstACharterNoLongerInForce_CannotBeApproved()
    {
        await SetUpAsync();
        var first = (await PostAsync(Person("olga"), "/api/v1/decisions",
            new { type = "charter-change", title = "v2", proposedCharter = NextVersion(Preset("preparedness-style.yaml"), 2) }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var rival = (await PostAsync(Person("olga"), "/api/v1/decisions",
            new { type = "charter-change", title = "v3", proposedCharter = NextVersion(Preset("preparedness-style.yaml"), 3) }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        foreach (var who in new[] { "eve", "bo", "bob" })
        {
            await SignOkAsync(first, who);
        }

        // the rival rests on the charter that was in force: its evidence changed, so it is reviewed again first
        var stale = await SignAsync(rival, "ed");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Review the current evidence and sign again", await stale.Content.ReadAsStringAsync());
        await SignOkAsync(rival, "ed");
        await SignOkAsync(rival, "bo");
        var refused = await RefusedAsync(() => SignAsync(rival, "bob"), HttpStatusCode.Conflict);

        Assert.Contains("amends a charter that is no longer in force", refused);
        Assert.Equal(2, (await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/charters/current"))).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("version: 1\n", "version: 1\n", "is the charter in force")]
    [InlineData("version: 1\n", "version: 0\n", "whole number from 1")]
    [InlineData("quorum: 2 of 3, kind: recommend", "quorum: 2 of 3, kind: maybe", "'approve' or 'recommend'")]
    public async Task BadProposedCharter_IsABadRequest(string from, string to, string expected)
    {
        await SetUpAsync();
        var proposal = Preset("preparedness-style.yaml").Replace(from, to, StringComparison.Ordinal);

        var detail = await RefusedAsync(() => Person("olga").PostAsJsonAsync("/api/v1/decisions",
            new { type = "charter-change", title = "change", proposedCharter = proposal }), HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
    }
}

public sealed class CharterApiTestsOnSqlite : CharterApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class CharterApiTestsOnPostgres : CharterApiTests
{
    protected override bool UsePostgres => true;
}
