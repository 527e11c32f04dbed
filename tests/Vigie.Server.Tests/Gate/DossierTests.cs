using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Json;
using Vigie.Core.Policies;
using Vigie.Server.Features.Gate;
using Vigie.Server.Tests.Cards;
using Vigie.Server.Tests.Decisions;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>The release dossier the server assembles: every part from its feature, absent when there is no data, checked against the schema.</summary>
public abstract class DossierTests : DecisionTest
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 30, 0, 123, TimeSpan.Zero);

    private async Task<(JsonElement Json, string Digest, byte[] Body)> DossierAsync(string action = "deploy-external", string version = Version, HttpClient? client = null)
    {
        var response = await (client ?? App.Admin()).GetAsync($"/api/v1/gate/dossier?system={System}&version={version}&action={action}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, global::System.Text.Encoding.UTF8.GetString(body));
        return (JsonDocument.Parse(body).RootElement, response.Headers.GetValues("Vigie-Dossier-Digest").Single(), body);
    }

    [Fact]
    public async Task FreshVersion_HasTheRequiredFields_AndLeavesEveryPartWithoutDataOut()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await UseClockAsync(time);
        await SetUpAsync();

        var (dossier, digest, body) = await DossierAsync();

        // The body is the canonical form (RFC 8785) and the header its SHA-256: what a gate result's dossierDigest is.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), digest);
        Assert.Equal(body, Jcs.Canonicalize(dossier));
        Assert.Equal(1, dossier.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("deploy-external", dossier.GetProperty("action").GetString());
        Assert.Equal("2026-06-01T09:30:00.123Z", dossier.GetProperty("time").GetString());
        Assert.Equal("""{"name":"atlas","owner":"Research","visibility":"public"}""", dossier.GetProperty("system").GetRawText());
        var version = dossier.GetProperty("version");
        Assert.Equal("atlas@1.0", version.GetProperty("ref").GetString());
        Assert.Equal("development", version.GetProperty("status").GetString());
        var snapshot = await ReadJsonAsync(await App.Admin().GetAsync($"/api/v1/systems/{System}/versions/{Version}/snapshot"));
        Assert.Equal(snapshot.GetProperty("digest").GetString(), version.GetProperty("evidenceDigest").GetString());
        Assert.False(version.TryGetProperty("weightsSha256", out _));
        Assert.Equal("[]", dossier.GetProperty("evaluations").GetRawText());
        Assert.Equal("[]", dossier.GetProperty("decisions").GetRawText());
        Assert.Equal("[]", dossier.GetProperty("waivers").GetRawText());
        Assert.Equal("{}", dossier.GetProperty("compute").GetRawText());
        foreach (var absent in new[] { "card", "scorecard", "impact", "regulatory" })
        {
            Assert.False(dossier.TryGetProperty(absent, out _), $"'{absent}' should be absent when nothing feeds it.");
        }

        // The incident register tracks every system: no incident is an empty list, not an absent one.
        Assert.Equal("[]", dossier.GetProperty("incidents").GetRawText());

        Assert.True(ReleaseDossier.Parse(body).Succeeded);
    }

    [Fact]
    public async Task Dossier_CarriesTheCardWithProfileChecks_ComputeWithLineage_AndDecisionsWithStaleFlags()
    {
        await SetUpAsync();
        var admin = App.Admin();
        var weights = RandomSha256();
        await PostAsync(admin, $"/api/v1/systems/{System}/versions", new { version = "1.1", baseVersion = $"{System}@{Version}", kind = "fine-tune", weights = new { sha256 = weights } }, HttpStatusCode.Created);
        await PostAsync(admin, $"/api/v1/systems/{System}/versions/{Version}/training-runs", new { run = "pretrain", startedOn = "2026-01-01", computeFlop = 3e25 }, HttpStatusCode.OK);
        await PostAsync(admin, $"/api/v1/systems/{System}/versions/1.1/training-runs", new { run = "sft", startedOn = "2026-03-01", computeFlop = 2e24 }, HttpStatusCode.OK);
        await PostAsync(admin, $"/api/v1/systems/{System}/versions/1.1/training-runs", new { run = "rlhf", startedOn = "2026-03-02" }, HttpStatusCode.OK);
        var put = await CardApi.PutAsync(admin, System, "1.1", """{"model":{"name":"Atlas","license":"apache-2.0"},"technical":{"languages":["en"]}}""", baseRevision: 0);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var (dossier, _, _) = await DossierAsync(version: "1.1");
        Assert.Equal(weights, dossier.GetProperty("version").GetProperty("weightsSha256").GetString());
        Assert.Equal("atlas@1.0", dossier.GetProperty("version").GetProperty("baseVersion").GetString());
        Assert.Equal("fine-tune", dossier.GetProperty("version").GetProperty("kind").GetString());
        Assert.Equal(2e24, dossier.GetProperty("compute").GetProperty("trainingFlop").GetDouble());
        Assert.Equal(3.2e25, dossier.GetProperty("compute").GetProperty("totalFlopWithLineage").GetDouble());
        Assert.Equal(3.2e25, dossier.GetProperty("compute").GetProperty("effectiveCompute").GetDouble());
        var card = dossier.GetProperty("card");
        var stored = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath(System, "1.1")));
        Assert.Equal(stored.GetProperty("cardSha256").GetString(), card.GetProperty("sha256").GetString());
        Assert.Equal("Atlas", card.GetProperty("fields").GetProperty("model").GetProperty("name").GetString());
        var hf = card.GetProperty("profiles").GetProperty("hf-basic");
        Assert.False(hf.GetProperty("complete").GetBoolean());
        var missing = hf.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("uses.pipelineTag", missing);
        Assert.DoesNotContain("model.license", missing);
        Assert.DoesNotContain("technical.languages", missing);
        Assert.Equal(["cop-model-report", "eu-annex-xi", "hf-basic", "sb53-transparency"],
            card.GetProperty("profiles").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        // atlas 1.0: no compute of its own lineage beyond its run; a decision approved, then the evidence changes
        var id = await OpenAsync();
        await SignOkAsync(id, "ada");
        await SignOkAsync(id, "bea");
        var open = (await DossierAsync()).Json.GetProperty("decisions")[0];
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.False(open.TryGetProperty("approvedAt", out _));
        Assert.Equal(2, open.GetProperty("signOffs").GetInt32());
        await SignOkAsync(id, "eve");
        var approved = (await DossierAsync()).Json.GetProperty("decisions")[0];
        Assert.Equal(id, approved.GetProperty("id").GetString());
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(approved.GetProperty("closedAt").GetString(), approved.GetProperty("approvedAt").GetString());
        Assert.False(approved.GetProperty("stale").GetBoolean());
        Assert.Equal(3, approved.GetProperty("signOffs").GetInt32());

        await RecordAboutVersionAsync("eval-bio.json");
        var stale = (await DossierAsync()).Json.GetProperty("decisions")[0];
        Assert.True(stale.GetProperty("stale").GetBoolean());
        Assert.NotEqual(stale.GetProperty("snapshotDigest").GetString(), (await DossierAsync()).Json.GetProperty("version").GetProperty("evidenceDigest").GetString());

        // a second decision, opened on the new evidence: one sign-off, then the evidence changes again and it goes stale
        var second = await OpenAsync("deploy-internal");
        await SignOkAsync(second, "ada");
        await RecordAboutVersionAsync("eval-cyber-2.json");
        await WaitForAsync(async () => (await DossierAsync()).Json.GetProperty("decisions")[1].GetProperty("staleSignOffs").GetInt32() == 1, "the open decision to follow the evidence");
        var followed = (await DossierAsync()).Json.GetProperty("decisions")[1];
        Assert.Equal(0, followed.GetProperty("signOffs").GetInt32());
        Assert.False(followed.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task EveryDossierSource_AddsItsPart_AndAPartThatBreaksTheSchemaIsReportedNotEvaluated()
    {
        await RestartAsync(configure: b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IDossierSource>(new IncidentsSource());
            s.AddSingleton<IDossierSource>(new EvaluationSource());
        }));
        await SetUpAsync();

        var (dossier, _, _) = await DossierAsync();
        Assert.Equal("[]", dossier.GetProperty("incidents").GetRawText());
        var evaluation = Assert.Single(dossier.GetProperty("evaluations").EnumerateArray());
        Assert.Equal("cyber-range", evaluation.GetProperty("name").GetString());

        await RestartAsync(configure: b => b.ConfigureTestServices(s => s.AddSingleton<IDossierSource>(new BrokenSource())));
        var size = TreeSize;
        var response = await Factory.Admin().GetAsync($"/api/v1/gate/dossier?system={System}&version={Version}&action=train");
        var problem = await ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("does not follow dossier schema 1", problem.GetProperty("detail").GetString());
        Assert.Contains("/incidents", problem.GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task BadRequests_AreClear4xx_AndWriteNothing()
    {
        await SetUpAsync();
        Assert.Contains("No system 'nope'", await RefusedAsync(() => App.Admin().GetAsync($"/api/v1/gate/dossier?system=nope&version=1.0&action=train"), HttpStatusCode.NotFound));
        Assert.Contains("No version '9.9'", await RefusedAsync(() => App.Admin().GetAsync($"/api/v1/gate/dossier?system={System}&version=9.9&action=train"), HttpStatusCode.NotFound));
        Assert.Contains("'ship' is not an action", await RefusedAsync(() => App.Admin().GetAsync($"/api/v1/gate/dossier?system={System}&version={Version}&action=ship"), HttpStatusCode.BadRequest));
        Assert.Contains("not a valid system name", await RefusedAsync(() => App.Admin().GetAsync($"/api/v1/gate/dossier?system=Bad%20Name&version={Version}&action=train"), HttpStatusCode.BadRequest));
        Assert.Contains("query parameters system, version and action", await RefusedAsync(() => App.Admin().GetAsync($"/api/v1/gate/dossier?system={System}"), HttpStatusCode.BadRequest));
        Assert.Contains("API token", await RefusedAsync(() => App.CreateClient().GetAsync($"/api/v1/gate/dossier?system={System}&version={Version}&action=train"), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task TheSchema_IsPublished_WithoutAToken()
    {
        var response = await Factory.CreateClient().GetAsync("/api/v1/schemas/dossier.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(DossierSchema.Text, text);
        Assert.Equal("urn:vigie:schema:release-dossier:1", JsonNode.Parse(text)!["$id"]!.GetValue<string>());
    }

    private sealed class IncidentsSource : IDossierSource
    {
        public Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken)
        {
            dossier["incidents"] = new JsonArray();
            return Task.CompletedTask;
        }
    }

    private sealed class EvaluationSource : IDossierSource
    {
        public Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken)
        {
            dossier["evaluations"]!.AsArray().Add(new JsonObject
            {
                ["id"] = "ev-1", ["name"] = "cyber-range", ["sha256"] = new string('a', 64), ["recordedAt"] = "2026-05-01T00:00:00.000Z",
            });
            return Task.CompletedTask;
        }
    }

    private sealed class BrokenSource : IDossierSource
    {
        public Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken)
        {
            dossier["incidents"] = new JsonArray(new JsonObject { ["id"] = "inc-1" });
            return Task.CompletedTask;
        }
    }
}

public sealed class DossierTestsOnSqlite : DossierTests
{
    protected override bool UsePostgres => false;
}

public sealed class DossierTestsOnPostgres : DossierTests
{
    protected override bool UsePostgres => true;
}
