using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Features.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>The issue's "done means" for decisions, through the API, on SQLite and PostgreSQL.</summary>
public abstract class DecisionFlowTests : DecisionTest
{
    [Fact]
    public async Task DeployExternal_UnderThePreset_RightRolesInOrder_DissentStaleness_ThenApproved()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var opened = await GetAsync(id);
        Assert.Equal("open", opened.GetProperty("status").GetString());
        Assert.Equal("public", opened.GetProperty("visibility").GetString());
        Assert.Equal("safety-advisory-group", opened.GetProperty("currentStage").GetString());
        var item = Assert.Single(opened.GetProperty("snapshot").GetProperty("items").EnumerateArray());
        Assert.Equal("eval-cyber.json", item.GetProperty("title").GetString());
        Assert.True(item.GetProperty("logIndex").GetInt64() > 0);

        // wrong role, then wrong order: refused with a reason, nothing written
        var wrongRole = await RefusedAsync(() => SignAsync(id, "max"), HttpStatusCode.Forbidden);
        Assert.Contains("needs one of the roles advisory-group (stage 'safety-advisory-group'), executive (stage 'leadership')", wrongRole);
        var wrongOrder = await RefusedAsync(() => SignAsync(id, "eve"), HttpStatusCode.Conflict);
        Assert.Contains("signs only after stage 'safety-advisory-group' (advisory-group) reaches its quorum of 2 of 3", wrongOrder);
        var opener = await RefusedAsync(() => SignAsync(id, "olga"), HttpStatusCode.Forbidden);
        Assert.Contains("olga", opener);

        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await PostAsync(Person("max"), $"/api/v1/decisions/{id}/dissent", new { statement = "The cyber evaluation skipped the agentic setting." }, HttpStatusCode.Created);

        // new evidence about the version: the decision is rebound to it and earlier sign-offs go stale
        var oldDigest = await DigestAsync(id);
        await RecordAboutVersionAsync("eval-cyber-agentic.json");
        await WaitForAsync(async () => (await DigestAsync(id)) != oldDigest, "the decision to take the new evidence");
        var stale = await GetAsync(id);
        Assert.Equal(["ada:stale", "bea:stale"], SignOffStatuses(stale));
        Assert.All(stale.GetProperty("signOffs").EnumerateArray(), s => Assert.True(s.GetProperty("stale").GetBoolean()));
        Assert.Equal("safety-advisory-group", stale.GetProperty("currentStage").GetString());
        Assert.Equal(2, stale.GetProperty("snapshot").GetProperty("items").GetArrayLength());

        var oldSnapshot = await RefusedAsync(() => SignAsync(id, "ada", digest: oldDigest), HttpStatusCode.Conflict);
        Assert.Contains("Review the current evidence and sign again", oldSnapshot);

        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "cal");
        var closed = (await SignOkAsync(id, "eve")).GetProperty("decision");

        Assert.Equal("approved", closed.GetProperty("status").GetString());
        Assert.Equal(["ada:stale", "bea:stale", "ada:counting", "cal:counting", "eve:counting"], SignOffStatuses(closed));
        var dissent = Assert.Single(closed.GetProperty("dissent").EnumerateArray());
        Assert.Equal("max", dissent.GetProperty("author").GetString());
        Assert.Equal("The cyber evaluation skipped the agentic setting.", dissent.GetProperty("statement").GetString());
        Assert.Equal(
            ["opened", "recused", "signed", "signed", "dissent", "evidence-changed", "signed", "signed", "signed", "closed"],
            closed.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()));

        var approved = await Factory.Service<DecisionQueries>().FindApprovedAsync(System, Version, "deploy-external", CancellationToken.None);
        Assert.Equal(id, approved!.Id);
        Assert.Null(await Factory.Service<DecisionQueries>().FindApprovedAsync(System, Version, "deploy-internal", CancellationToken.None));

        // signing a closed decision is refused; dissent is still taken
        Assert.Contains("is closed", await RefusedAsync(() => SignAsync(id, "ed"), HttpStatusCode.Conflict));
        await PostAsync(Person("bea"), $"/api/v1/decisions/{id}/dissent", new { statement = "Approved too fast." }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task EverySignOff_IsAPublicLogEntry_BoundToTheDigestItWasGivenOn()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var digest = await DigestAsync(id);
        var signed = await SignOkAsync(id, "ada");

        var entry = await ReadJsonAsync(await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{signed.GetProperty("index").GetInt64()}"));
        var envelope = entry.GetProperty("envelope");
        Assert.Equal("decision.signed/v1", envelope.GetProperty("kind").GetString());
        Assert.Equal("ada", envelope.GetProperty("actor").GetString());
        Assert.Equal(digest, envelope.GetProperty("body").GetProperty("snapshotDigest").GetString());
        Assert.Equal(id, envelope.GetProperty("body").GetProperty("decision").GetString());
        Assert.Equal(["advisory-group"], envelope.GetProperty("body").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task SafetyNet_ASignOffOnEvidenceThatChangedUnnoticed_IsRefusedAsStale()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var digest = await DigestAsync(id);
        // evidence recorded by a path that raises no change event (as after a crash between write and event)
        await Factory.Service<Vigie.Server.Ledger.Ledger>().AppendAsync(new Vigie.Server.Ledger.LedgerWrite(
            "evidence.recorded/v1", "admin", Vigie.Core.Ledger.Visibility.Public,
            Vigie.Server.Ledger.BodyJson.ToElement(new { sha256 = RandomSha256(), name = "late.json", subject = $"{System}@{Version}" })));

        var refusal = await SignAsync(id, "ada", digest: digest);

        Assert.Equal(HttpStatusCode.Conflict, refusal.StatusCode);
        Assert.NotEqual(digest, await DigestAsync(id));
        Assert.Equal("evidence-changed", (await GetAsync(id)).GetProperty("timeline").EnumerateArray().Last().GetProperty("event").GetString());
    }

    [Fact]
    public async Task GoingAgainstTheRecommendation_NeedsAJustification_WhichIsRecorded()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        await SignOkAsync(id, "ada", "reject");
        await SignOkAsync(id, "bea", "reject");

        Assert.Contains("write a justification", await RefusedAsync(() => SignAsync(id, "eve"), HttpStatusCode.Conflict));
        var decision = (await SignOkAsync(id, "eve", justification: "Mitigations since deployed cover the advisory group's concern.")).GetProperty("decision");

        Assert.Equal("approved", decision.GetProperty("status").GetString());
        Assert.Equal("Mitigations since deployed cover the advisory group's concern.",
            decision.GetProperty("signOffs").EnumerateArray().Last().GetProperty("justification").GetString());
        Assert.Equal("failed", decision.GetProperty("stages")[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task ConcurrentSignOffs_OnAOneSeatStage_OnlyOneCounts()
    {
        await SetUpAsync();
        var id = await OpenAsync("alias-move");
        var digest = await DigestAsync(id);

        var responses = await Task.WhenAll(
            Person("eve").PostAsJsonAsync($"/api/v1/decisions/{id}/sign-offs", new { verdict = "approve", snapshotDigest = digest }),
            Person("ed").PostAsJsonAsync($"/api/v1/decisions/{id}/sign-offs", new { verdict = "reject", snapshotDigest = digest }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var decision = await GetAsync(id);
        Assert.Single(decision.GetProperty("signOffs").EnumerateArray());
        Assert.NotEqual("open", decision.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheLedgerItself_RefusesASignOffTheCharterForbids_EvenPastTheEndpointChecks()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var ledger = Factory.Service<Vigie.Server.Ledger.Ledger>();
        var size = TreeSize;

        var result = await ledger.AppendAsync(new Vigie.Server.Ledger.LedgerWrite(DecisionEntries.Signed, "eve", Vigie.Core.Ledger.Visibility.Public,
            Vigie.Server.Ledger.BodyJson.ToElement(new DecisionEntries.SignedBody(id, "leadership", ["executive"], "approve", null, null, null, await DigestAsync(id)))));

        Assert.False(result.Succeeded);
        Assert.Contains("signs only after stage 'safety-advisory-group'", result.Conflict);
        Assert.Equal(size, TreeSize);
        Assert.Empty((await GetAsync(id)).GetProperty("signOffs").EnumerateArray());
    }

    [Fact]
    public async Task Recusal_BySelfOrByTheBoard_BlocksSigning()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        await PostAsync(Person("ada"), $"/api/v1/decisions/{id}/recusal", new { reason = "I trained atlas." }, HttpStatusCode.Created);
        Assert.Contains("ada is recused", await RefusedAsync(() => SignAsync(id, "ada"), HttpStatusCode.Forbidden));

        Assert.Contains("needs board", await RefusedAsync(() => Person("eve").PostAsJsonAsync($"/api/v1/decisions/{id}/recusal",
            new { person = "bea", reason = "x" }), HttpStatusCode.Forbidden));
        await PostAsync(Person("bo"), $"/api/v1/decisions/{id}/recusal", new { person = "bea", reason = "Consults for the customer." }, HttpStatusCode.Created);

        var recusals = (await GetAsync(id)).GetProperty("recusals").EnumerateArray().Select(r => $"{r.GetProperty("person").GetString()} by {r.GetProperty("by").GetString()}");
        Assert.Equal(["olga by charter", "ada by ada", "bea by bo"], recusals);
    }

    [Fact]
    public async Task RspPreset_SafetyOfficerVeto_RejectsTheDecision()
    {
        await SetUpAsync("rsp-style.yaml");
        var id = await OpenAsync();
        Assert.Contains("belongs to safety-officer", await RefusedAsync(() => Person("eve").PostAsJsonAsync($"/api/v1/decisions/{id}/veto", new { reason = "no" }), HttpStatusCode.Forbidden));

        var vetoed = await PostAsync(Person("rso"), $"/api/v1/decisions/{id}/veto", new { reason = "ASL-3 safeguards are not in place." }, HttpStatusCode.Created);

        var decision = vetoed.GetProperty("decision");
        Assert.Equal("rejected", decision.GetProperty("status").GetString());
        Assert.Equal("rso", decision.GetProperty("veto").GetProperty("by").GetString());
        Assert.Equal(["opened", "recused", "vetoed", "closed"], decision.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()));
    }
}

public sealed class DecisionFlowTestsOnSqlite : DecisionFlowTests
{
    protected override bool UsePostgres => false;
}

public sealed class DecisionFlowTestsOnPostgres : DecisionFlowTests
{
    protected override bool UsePostgres => true;
}
