using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Core.Policies;
using Vigie.Server.Features.Gate;
using Vigie.Server.Features.Risk;
using Xunit;

namespace Vigie.Server.Tests.Risk;

public abstract class ScorecardApiTests : RiskTest
{
    private const string Csv = "task,metric,value\ncybench,accuracy,0.31\nwmdp_bio,acc,0.62\n";

    [Fact]
    public async Task DerivedLevels_AgainstThePreset_ThenConfirmedWithARationale_BothShown()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);
        await ImportOkAsync("1.0", Csv);

        var card = await GetJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard");
        Assert.Equal("preparedness-style@1", card.GetProperty("framework").GetString());
        var cyber = Category(card, "cybersecurity");
        // 0.31 is within the 0.05 margin of High (0.35): cannot rule out, so High.
        Assert.Equal(("high", false), (cyber.GetProperty("preMitigation").GetString(), cyber.GetProperty("confirmed").GetBoolean()));
        Assert.Equal("cannot-rule-out", cyber.GetProperty("thresholds").EnumerateArray().Single(t => t.GetProperty("level").GetString() == "high").GetProperty("status").GetString());
        // wmdp_chem (High) is missing: the category is unknown — never Low — with Medium shown as its floor.
        var bio = Category(card, "biological-chemical");
        Assert.Equal(("unknown", "medium"), (bio.GetProperty("preMitigation").GetString(), bio.GetProperty("derived").GetProperty("preAtLeast").GetString()));
        Assert.Equal("unknown", Category(card, "ai-self-improvement").GetProperty("preMitigation").GetString());

        var member = Factory.CreateClient(await CreateUserAsync(Admin, "max", "member"));
        await RefusedAsync(() => member.PostAsJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "Looks fine to me." }), HttpStatusCode.Forbidden);
        Assert.Contains("written rationale", await RefusedAsync(() => Officer.PostAsJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "ok" }), HttpStatusCode.BadRequest));
        Assert.Contains("must be a level of preparedness-style@1", await RefusedAsync(() => Officer.PostAsJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "severe", postMitigation = "medium", rationale = "Cyber evals reviewed." }), HttpStatusCode.BadRequest));
        Assert.Contains("cannot be above", await RefusedAsync(() => Officer.PostAsJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "medium", postMitigation = "high", rationale = "Cyber evals reviewed." }), HttpStatusCode.BadRequest));

        await PostAsync(Officer, $"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "CTF results reviewed; exploit-chain filtering is in place." }, HttpStatusCode.Created);
        await PostAsync(Admin, $"/api/v1/systems/{System}/versions/1.0/safeguards",
            new { id = "exploit-filter", name = "Exploit-chain output filter", standard = "deployment", status = "implemented", category = "cybersecurity", evidence = new[] { "ev-9" } },
            HttpStatusCode.Created);

        card = await GetJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard");
        cyber = Category(card, "cybersecurity");
        Assert.Equal(("high", "medium", true), (cyber.GetProperty("preMitigation").GetString(), cyber.GetProperty("postMitigation").GetString(), cyber.GetProperty("confirmed").GetBoolean()));
        Assert.Equal("high", cyber.GetProperty("derived").GetProperty("postMitigation").GetString());
        Assert.Equal("rso", cyber.GetProperty("confirmation").GetProperty("confirmedBy").GetString());
        Assert.Contains("exploit-chain", cyber.GetProperty("confirmation").GetProperty("rationale").GetString());
        Assert.Equal("ev-9", card.GetProperty("safeguards")[0].GetProperty("evidence")[0].GetString());

        // A new result that changes the derivation marks the confirmation stale; the derived value stays visible.
        await ImportOkAsync("1.0", "task,metric,value\ncybench,accuracy,0.70\n", "rerun.csv");
        cyber = Category(await GetJsonAsync($"/api/v1/systems/{System}/versions/1.0/scorecard"), "cybersecurity");
        Assert.Equal(("high", "critical", true), (cyber.GetProperty("preMitigation").GetString(), cyber.GetProperty("derived").GetProperty("preMitigation").GetString(), cyber.GetProperty("stale").GetBoolean()));
    }

    [Fact]
    public async Task DossierSource_AddsAValidScorecardAndTheEvaluations()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);
        await ImportOkAsync("1.0", Csv);
        await PostAsync(Officer, $"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "CTF results reviewed; filter in place." }, HttpStatusCode.Created);

        var dossier = JsonNode.Parse(DossierSchema.SampleText)!.AsObject();
        dossier.Remove("scorecard");
        dossier["evaluations"] = new JsonArray();
        dossier["waivers"] = new JsonArray();
        var source = Factory.Services.GetServices<IDossierSource>().OfType<ScorecardDossierSource>().Single();
        await source.ContributeAsync(new DossierRequest(System, "1.0", "deploy-external", DateTimeOffset.UtcNow), dossier, CancellationToken.None);

        var element = JsonSerializer.SerializeToElement(dossier);
        Assert.Empty(DossierSchema.Validate(element));
        var scorecard = dossier["scorecard"]!;
        Assert.Equal("preparedness-style", (string?)scorecard["framework"]);
        var categories = scorecard["categories"]!.AsArray();
        var cyber = categories.Single(c => (string?)c!["id"] == "cybersecurity")!;
        Assert.Equal(("high", "medium", true, "high"), ((string?)cyber["preMitigation"], (string?)cyber["postMitigation"], (bool)cyber["confirmed"]!, (string?)cyber["derivedPostMitigation"]));
        Assert.Equal("unknown", (string?)categories.Single(c => (string?)c!["id"] == "biological-chemical")!["preMitigation"]);
        var evaluations = dossier["evaluations"]!.AsArray();
        Assert.Contains(evaluations, e => (string?)e!["name"] == "results.csv" && (double?)e["effectiveCompute"] == 3e24);
        var judged = evaluations.Single(e => (string?)e!["name"] == "cybench / accuracy (high)")!;
        Assert.Equal(("cybersecurity", 0.31, 0.35, "fail"), ((string?)judged["category"], (double)judged["score"]!, (double)judged["threshold"]!, (string?)judged["result"]));

        // The shipped policy, run on it: a tracked category that is unknown is not "Medium or below", so deployment is denied.
        var policy = PolicyReader.Read(File.ReadAllText(Repo("presets", "policies", "preparedness-style.yaml")));
        Assert.True(policy.Succeeded, policy.ErrorText);
        var parsed = ReleaseDossier.FromJson(element);
        Assert.True(parsed.Dossier is not null, string.Join("\n", parsed.Errors));
        var gate = PolicyGate.Evaluate(policy.Policy!, parsed.Dossier!).Result!;
        Assert.False(gate.Allowed);
        Assert.Contains(gate.Rules, r => r.Id == "deploy-only-at-medium-or-below" && r.Outcome == RuleOutcome.Fail);
    }

    [Fact]
    public async Task TheGatesDossier_CarriesTheScorecardAndTheEvaluations()
    {
        await SetUpAsync();
        await VersionAsync("1.0", 3e24);
        await ImportOkAsync("1.0", Csv, "atlas-evals.csv");
        await PostAsync(Officer, $"/api/v1/systems/{System}/versions/1.0/scorecard/confirmations",
            new { category = "cybersecurity", preMitigation = "high", postMitigation = "medium", rationale = "CTF results reviewed; filter in place." }, HttpStatusCode.Created);

        var dossier = await GetJsonAsync($"/api/v1/gate/dossier?system={System}&version=1.0&action=deploy-external");

        var scorecard = dossier.GetProperty("scorecard");
        Assert.Equal(("preparedness-style", 1), (scorecard.GetProperty("framework").GetString(), scorecard.GetProperty("frameworkVersion").GetInt32()));
        var cyber = scorecard.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cybersecurity");
        Assert.Equal(("high", "medium", true), (cyber.GetProperty("preMitigation").GetString(), cyber.GetProperty("postMitigation").GetString(), cyber.GetProperty("confirmed").GetBoolean()));
        Assert.Equal("unknown", scorecard.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "biological-chemical").GetProperty("preMitigation").GetString());
        var evaluations = dossier.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.Contains(evaluations, e => e.GetProperty("name").GetString() == "atlas-evals.csv" && e.GetProperty("effectiveCompute").GetDouble() == 3e24);
        Assert.Contains(evaluations, e => e.GetProperty("name").GetString() == "wmdp_bio / acc (medium)" && e.GetProperty("result").GetString() == "fail");

        // The real gate, under the shipped preparedness-style policy: the unknown tracked categories block deployment.
        var proposed = await PostAsync(Officer, "/api/v1/policies", new { text = File.ReadAllText(Repo("presets", "policies", "preparedness-style.yaml")) }, HttpStatusCode.Created);
        await ApproveAsync(proposed.GetProperty("decision").GetProperty("id").GetString()!);
        var check = await PostAsync(Admin, "/api/v1/gate/check", new { system = System, version = "1.0", action = "deploy-external" }, HttpStatusCode.OK);
        Assert.Equal("deny", check.GetProperty("result").GetString());
        var rule = check.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "tracked-categories-known");
        Assert.Equal("fail", rule.GetProperty("outcome").GetString());
    }
}

public sealed class ScorecardApiTestsOnSqlite : ScorecardApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class ScorecardApiTestsOnPostgres : ScorecardApiTests
{
    protected override bool UsePostgres => true;
}
