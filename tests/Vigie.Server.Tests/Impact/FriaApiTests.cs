using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Server.Ledger;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Impact;

/// <summary>Done means: classify a system and produce a FRIA (EU AI Act Art. 27), reviewed under the charter and exported.</summary>
public abstract class FriaApiTests : DecisionTest
{
    private const string Fria = "/api/v1/systems/atlas/frias/lending-fr";

    public static JsonObject Document(string? oversight = "Advisers may override any score; a second adviser checks every refusal.") => new()
    {
        ["deployer"] = "Caisse Régionale, consumer lending",
        ["purpose"] = "Score consumer credit applications.",
        ["processes"] = "Advisers see the score beside the application; a person decides.",
        ["period"] = "From 2026-06 for two years, on every application (about 400 a day).",
        ["affectedGroups"] = new JsonArray("loan applicants", "applicants over 70"),
        ["risks"] = new JsonArray(new JsonObject { ["group"] = "applicants over 70", ["harm"] = "Refused credit more often than others with the same means.", ["likelihood"] = "medium", ["severity"] = "high" }),
        ["oversight"] = oversight,
        ["mitigation"] = "Suspend the score for the group and review refused files.",
        ["governance"] = "The credit risk committee reviews the assessment every quarter.",
        ["complaints"] = "Applicants write to the mediator; every complaint is answered within 30 days.",
    };

    private Task<HttpResponseMessage> PutAsync(string who, JsonObject document, long baseRevision, string version = Version, string? visibility = null) =>
        Person(who).PutAsJsonAsync(Fria, new { version, document, baseRevision, note = "Reviewed with the credit team", visibility });

    private async Task<JsonElement> PutOkAsync(string who, JsonObject document, long baseRevision)
    {
        var response = await PutAsync(who, document, baseRevision);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    private async Task<string> SubmitAsync(string who = "olga")
    {
        var opened = await PostAsync(Person(who), Fria + "/review", new { }, HttpStatusCode.Created);
        Assert.Equal("fria-approval", opened.GetProperty("type").GetString());
        return opened.GetProperty("decision").GetString()!;
    }

    private async Task<JsonNode> FriaInDossierAsync()
    {
        var dossier = JsonNode.Parse(await App.Admin().GetStringAsync($"/api/v1/gate/dossier?system=atlas&version={Version}&action=deploy-external"))!;
        return Assert.Single(dossier["impact"]!["assessments"]!.AsArray(), a => (string?)a!["kind"] == "fundamental-rights" && (string?)a["name"] == "lending-fr")!;
    }

    private async Task<JsonElement> FriaAsync(string? query = null) => await ReadJsonAsync(await App.Admin().GetAsync(Fria + query));

    [Fact]
    public async Task AFria_IsDraftedReviewedUnderTheCharterApprovedAndExported_AndMeetsTheArticle27Obligation()
    {
        await SetUpAsync();
        await PostAsync(App.Admin(), "/api/v1/systems/atlas/classification", new { answers = new Dictionary<string, bool> { ["eu-market"] = true, ["essential-services"] = true } }, HttpStatusCode.Created);
        var before = await ReadJsonAsync(await App.Admin().GetAsync("/api/v1/systems/atlas/obligations"));
        Assert.NotEqual("met", before.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "eu-fria").GetProperty("status").GetString());

        // A draft without oversight is saved, says what is missing, and cannot go to review.
        var draft = await PutOkAsync("max", Document(oversight: null), 0);
        Assert.Equal(1, draft.GetProperty("revision").GetInt64());
        Assert.Equal(["oversight"], draft.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var incomplete = await RefusedAsync(() => Person("olga").PostAsJsonAsync(Fria + "/review", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("Human oversight measures (Art. 27(1)(e))", incomplete);

        await PutOkAsync("max", Document(), 1);
        Assert.Equal("draft", (await FriaAsync()).GetProperty("status").GetString());
        Assert.Equal("draft", (await FriaInDossierAsync())["status"]!.GetValue<string>());

        // The review is a fria-approval decision about atlas 1.0, resting on the FRIA revision as evidence.
        var id = await SubmitAsync();
        var decision = await GetAsync(id);
        Assert.Equal("fria-approval", decision.GetProperty("type").GetString());
        Assert.Contains(decision.GetProperty("snapshot").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "fria-lending-fr-r2");
        Assert.Equal("in-review", (await FriaAsync()).GetProperty("status").GetString());
        Assert.Contains("already reviewing", await RefusedAsync(() => Person("olga").PostAsJsonAsync(Fria + "/review", new { }), HttpStatusCode.Conflict));

        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        var approved = await FriaAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(2, approved.GetProperty("approvedRevision").GetInt64());
        Assert.Equal("approved", approved.GetProperty("decisions")[0].GetProperty("status").GetString());

        var obligation = (await ReadJsonAsync(await App.Admin().GetAsync("/api/v1/systems/atlas/obligations"))).GetProperty("obligations").EnumerateArray()
            .Single(o => o.GetProperty("id").GetString() == "eu-fria");
        Assert.Equal("met", obligation.GetProperty("status").GetString());
        Assert.Equal(id, obligation.GetProperty("metBy").GetProperty("reference").GetString());

        // The release dossier carries the approved assessment, so a policy can require it before deployment.
        var inDossier = await FriaInDossierAsync();
        Assert.Equal("complete", inDossier["status"]!.GetValue<string>());
        Assert.Equal((await GetAsync(id)).GetProperty("closedAt").GetString(), inDossier["completedAt"]!.GetValue<string>());

        var md = await App.Admin().GetAsync(Fria + "/export?format=md");
        Assert.Equal("text/markdown", md.Content.Headers.ContentType?.MediaType);
        Assert.Contains("atlas-lending-fr-fria-r2.md", md.Content.Headers.ContentDisposition?.ToString());
        var text = await md.Content.ReadAsStringAsync();
        Assert.StartsWith("# Fundamental rights impact assessment: atlas / lending-fr", text, StringComparison.Ordinal);
        Assert.Contains($"- **Review decisions:** {id} approved", text, StringComparison.Ordinal);
        Assert.Contains("## Human oversight measures (Art. 27(1)(e))", text, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await App.Admin().GetStringAsync(Fria + "/export?format=json")).RootElement;
        Assert.Equal("vigie.fria/v1", json.GetProperty("format").GetString());
        Assert.Equal("applicants over 70", json.GetProperty("document").GetProperty("risks")[0].GetProperty("group").GetString());

        // The older revision still reads as it was, with its own standing.
        Assert.Equal("superseded", (await FriaAsync("?revision=1")).GetProperty("status").GetString());
        var list = await ReadJsonAsync(await App.Admin().GetAsync("/api/v1/systems/atlas/frias"));
        Assert.Equal("approved", Assert.Single(list.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheAuthorsSignature_CannotApprove_AndARevisionDuringReview_MakesTheApprovalImpossible()
    {
        await SetUpAsync();
        await PutOkAsync("eve", Document(), 0);
        var id = await SubmitAsync();
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        Assert.Contains("'eve' wrote revision 1", await RefusedAsync(() => SignAsync(id, "eve"), HttpStatusCode.Conflict));

        // Revised while in review: the decision's evidence changed, and approving the old text is refused.
        var oldDigest = await DigestAsync(id);
        await PutOkAsync("max", Document("Two advisers review every refusal."), 1);
        Assert.Equal("draft", (await FriaAsync()).GetProperty("status").GetString());
        await WaitForAsync(async () => (await DigestAsync(id)) != oldDigest, "the decision to take the revised FRIA as its evidence");
        Assert.Equal(["ada:stale", "bea:stale"], SignOffStatuses(await GetAsync(id)));
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        Assert.Contains("was revised", await RefusedAsync(() => SignAsync(id, "ed"), HttpStatusCode.Conflict));

        await SignOkAsync(id, "ed", verdict: "reject", justification: "The text under review is no longer the FRIA.");
        var second = await SubmitAsync();
        await SignOkAsync(second, "ada");
        await SignOkAsync(second, "bea");
        await SignOkAsync(second, "eve");
        var fria = await FriaAsync();
        Assert.Equal("approved", fria.GetProperty("status").GetString());
        Assert.Equal(["rejected", "approved"], fria.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("status").GetString()));

        // The board reverses the approval: the FRIA says so.
        await PostAsync(Person("bo"), $"/api/v1/decisions/{second}/reversal", new { reason = "The oversight measures were never staffed." }, HttpStatusCode.Created);
        Assert.Equal("approval-reversed", (await FriaAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadFrias_AreRefused_WithTheirField_AndWriteNothing()
    {
        await SetUpAsync();
        await PutOkAsync("max", Document(), 0);
        var invalid = Document();
        invalid["risks"] = new JsonArray(new JsonObject { ["group"] = "children", ["harm"] = "x" });
        var problem = await RefusedAsync(() => PutAsync("max", invalid, 1), HttpStatusCode.BadRequest);
        Assert.Contains("risks[1]: 'children' is not one of the affected groups", problem);

        Assert.Contains("at revision 1, not 0", await RefusedAsync(() => PutAsync("max", Document("Other."), 0), HttpStatusCode.Conflict));
        await RefusedAsync(() => PutAsync("max", Document(), 1, version: "9.9"), HttpStatusCode.NotFound);
        await RefusedAsync(() => Person("max").PutAsJsonAsync("/api/v1/systems/atlas/frias/Lending FR", new { version = Version, document = Document(), baseRevision = 0 }), HttpStatusCode.BadRequest);
        await RefusedAsync(() => Person("max").PutAsJsonAsync(Fria, new { version = Version, document = Document(), baseRevision = 1, colour = "red" }), HttpStatusCode.BadRequest);
        await RefusedAsync(() => Person("audrey").PutAsJsonAsync(Fria, new { version = Version, document = Document("x"), baseRevision = 1 }), HttpStatusCode.Forbidden);
        await RefusedAsync(() => App.CreateClient().PutAsJsonAsync(Fria, new { version = Version, document = Document("x"), baseRevision = 1 }), HttpStatusCode.Unauthorized);
        await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/decisions", new { type = "fria-approval", system = System, version = Version, title = "Approve it" }), HttpStatusCode.BadRequest);
        await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/systems/atlas/frias/ghost/review", new { }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Admin().GetAsync(Fria + "/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Admin().GetAsync(Fria + "?revision=7")).StatusCode);

        // Saving the same document again writes nothing.
        var same = await PutAsync("max", Document(), 1);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.True((await ReadJsonAsync(same)).GetProperty("unchanged").GetBoolean());
    }

    [Fact]
    public async Task RebuildProjections_GivesIdenticalFriaState()
    {
        await SetUpAsync();
        await PutOkAsync("max", Document(), 0);
        var id = await SubmitAsync();
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        await SignOkAsync(id, "eve");
        await PutOkAsync("max", Document("Revised oversight."), 1);

        var before = await DumpProjectionsAsync();
        await App.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        var after = await DumpProjectionsAsync();
        Assert.Contains("deployment=lending-fr", before);
        Assert.Contains("status=approved", before);
        Assert.Equal(before, after);
    }
}

public sealed class FriaApiTestsOnSqlite : FriaApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class FriaApiTestsOnPostgres : FriaApiTests
{
    protected override bool UsePostgres => true;
}
