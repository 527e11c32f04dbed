using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Server.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>The active policy changes only through an approved policy-change decision; bad texts change nothing.</summary>
public abstract class PolicyChangeTests : GateTest
{
    [Fact]
    public async Task APolicy_BecomesActiveOnlyWhenItsDecisionIsApproved_WithItsTextVersionAndDiffInTheLog()
    {
        await SetUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync("/api/v1/policies/active")).StatusCode);

        var opened = await PostAsync(Person("max"), "/api/v1/policies", new { text = TestPolicy() }, HttpStatusCode.Created);
        var id = opened.GetProperty("decision").GetProperty("id").GetString()!;
        Assert.Equal("policy-change", opened.GetProperty("decision").GetProperty("type").GetString());
        Assert.Equal("test-gate@1", opened.GetProperty("policyVersion").GetString());
        Assert.Contains("+  - id: approved-decision", opened.GetProperty("diff").GetString());

        // open: not active yet, the gate has nothing to run
        Assert.Contains("No policy is active yet", await RefusedAsync(() => CheckAsync(), HttpStatusCode.Conflict));
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        var size = TreeSize;
        await SignOkAsync(id, "eve");
        Assert.Equal(size + 3, TreeSize); // sign-off, closing entry and the activation, in one group

        var active = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/policies/active"));
        Assert.Equal("test-gate@1", active.GetProperty("policyVersion").GetString());
        Assert.Equal(id, active.GetProperty("decision").GetString());
        Assert.Equal(TestPolicy(), active.GetProperty("text").GetString());
        Assert.Equal(3, active.GetProperty("rules").GetArrayLength());
        var entry = await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/log/entries/{active.GetProperty("index").GetInt64()}"));
        Assert.Contains("policy.activated/v1", entry.GetRawText());

        // version 2 removes a rule and changes another: the diff names them, in the log too
        var v2 = TestPolicy(2).Replace("severity: warn", "severity: block", StringComparison.Ordinal);
        v2 = v2[..v2.IndexOf("  - id: compute-recorded", StringComparison.Ordinal)];
        var second = await ActivateAsync(v2);
        var history = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/policies"));
        Assert.Equal(["test-gate@2", "test-gate@1"], history.EnumerateArray().Select(p => p.GetProperty("policyVersion").GetString()));
        var now = history[0];
        Assert.Equal(second, now.GetProperty("decision").GetString());
        Assert.Equal("test-gate@1", now.GetProperty("previousVersion").GetString());
        var changes = now.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("id").GetString()}:{c.GetProperty("change").GetString()}").ToList();
        Assert.Equal(["compute-recorded:removed", "card-present:changed"], changes);
        Assert.Contains("-    severity: warn", now.GetProperty("diff").GetString());
        Assert.Contains("+    severity: block", now.GetProperty("diff").GetString());
        var logged = await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/log/entries/{now.GetProperty("index").GetInt64()}"));
        Assert.Contains("+    severity: block", logged.GetRawText());
    }

    [Fact]
    public async Task ATextThatDoesNotLoad_IsRefusedNamingTheRuleLineAndColumn_AndNothingIsWritten()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var broken = TestPolicy(2).Replace("require: has(dossier.card)", "require: dossier.card.profile.complete", StringComparison.Ordinal);

        var size = TreeSize;
        var response = await Person("max").PostAsJsonAsync("/api/v1/policies", new { text = broken });
        var problem = await ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(size, TreeSize);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("card-present", error.GetProperty("rule").GetString());
        Assert.Equal(14, error.GetProperty("line").GetInt32()); // the require line of card-present
        Assert.Contains("rule 'card-present'", problem.GetProperty("detail").GetString());
        Assert.Contains("has no field 'profile'", problem.GetProperty("detail").GetString());

        Assert.Contains("not valid YAML", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/policies", new { text = "policy: [unclosed" }), HttpStatusCode.BadRequest));
        Assert.Contains("CEL syntax error", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/policies",
            new { text = TestPolicy(2).Replace("require: has(dossier.card)", "require: has(dossier.card) &&", StringComparison.Ordinal) }), HttpStatusCode.BadRequest));
        Assert.Contains("at most 49152", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/policies",
            new { text = TestPolicy(2) + "# " + new string('x', 50_000) }), HttpStatusCode.BadRequest));
        Assert.Contains("raise 'version'", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/policies", new { text = TestPolicy(1).Replace("Record the training", "Record training", StringComparison.Ordinal) }), HttpStatusCode.Conflict));
        Assert.Contains("is the active policy", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/policies", new { text = TestPolicy() }), HttpStatusCode.Conflict));
        Assert.Contains("use 'vigie policy apply FILE'", await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/decisions", new { type = "policy-change", title = "x" }), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, (await Person("audrey").PostAsJsonAsync("/api/v1/policies", new { text = TestPolicy(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Person("max").PostAsJsonAsync("/api/v1/policies", new { text = new string('x', 200_000) })).StatusCode);

        var active = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/policies/active"));
        Assert.Equal("test-gate@1", active.GetProperty("policyVersion").GetString());
    }

    [Fact]
    public async Task TwoProposalsAgainstTheSamePolicy_OnlyTheFirstApprovedTakesEffect_AndAReversalRestoresThePreviousPolicy()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        var a = (await PostAsync(Person("max"), "/api/v1/policies", new { text = TestPolicy(2) }, HttpStatusCode.Created)).GetProperty("decision").GetProperty("id").GetString()!;
        var b = (await PostAsync(Person("olga"), "/api/v1/policies", new { text = TestPolicy(3) }, HttpStatusCode.Created)).GetProperty("decision").GetProperty("id").GetString()!;
        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            await SignOkAsync(a, who);
        }

        await SignOkAsync(b, "ada");
        await SignOkAsync(b, "bea");
        var refused = await RefusedAsync(() => SignAsync(b, "eve"), HttpStatusCode.Conflict);
        Assert.Contains("no longer the one in force", refused);
        Assert.Equal("test-gate@2", (await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/policies/active"))).GetProperty("policyVersion").GetString());

        // the board reverses a's approval within the review window: test-gate@1 is back, through a logged activation
        await PostAsync(Person("bo"), $"/api/v1/decisions/{a}/reversal", new { reason = "Adopted before the consultation closed." }, HttpStatusCode.Created);
        var active = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/policies/active"));
        Assert.Equal("test-gate@1", active.GetProperty("policyVersion").GetString());
        Assert.True(active.GetProperty("restores").GetBoolean());
        Assert.Equal(a, active.GetProperty("decision").GetString());
        Assert.Equal("test-gate@2", active.GetProperty("previousVersion").GetString());

        var proposal = await ReadJsonAsync(await App.CreateClient().GetAsync($"/api/v1/policies/proposals/{a}"));
        Assert.Equal("reversed", proposal.GetProperty("status").GetString());
        Assert.Equal(TestPolicy(2), proposal.GetProperty("text").GetString());
    }

    [Fact]
    public async Task RebuildProjections_AfterPoliciesChecksAndAReversal_GivesIdenticalState()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        await CheckOkAsync();
        var second = await ActivateAsync(TestPolicy(2));
        await CheckOkAsync("train");
        await PostAsync(Person("bo"), $"/api/v1/decisions/{second}/reversal", new { reason = "Too early." }, HttpStatusCode.Created);
        await PostAsync(Person("max"), "/api/v1/policies", new { text = TestPolicy(4) }, HttpStatusCode.Created);

        var before = await DumpProjectionsAsync();
        Assert.Contains("policy_proposals", before);
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();

        Assert.Equal(before, after);
        Assert.Contains("test-gate", after);
        Assert.Contains("gate_checks\nlog_index=", after.Replace("\r", "", StringComparison.Ordinal));
    }
}

public sealed class PolicyChangeTestsOnSqlite : PolicyChangeTests
{
    protected override bool UsePostgres => false;
}

public sealed class PolicyChangeTestsOnPostgres : PolicyChangeTests
{
    protected override bool UsePostgres => true;
}
