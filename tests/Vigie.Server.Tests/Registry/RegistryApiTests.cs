using System.Net;
using System.Net.Http.Json;
using System.Text;
using Vigie.Server.Ledger;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Registry;

public abstract class RegistryApiTests : ServerTest
{
    [Fact]
    public async Task RegisteredSystemAndVersion_AreListed_WithLineageRunsAndTotalCompute()
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "Research", purpose = "General assistant", visibility = "public" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0", kind = "model", visibility = "public" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs",
            new { run = "pretrain", startedOn = "2026-01-04", endedOn = "2026-03-01", hardware = "H100", acceleratorHours = 2.5e6, computeFlop = 8e25, tokens = 15_000_000_000_000 });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.1-ft", kind = "fine-tune", baseVersion = "atlas@1.0", visibility = "public" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.1-ft/training-runs", new { run = "rlhf", startedOn = "2026-04-01", computeFlop = 3e25 });

        var system = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/systems/atlas"));
        Assert.Equal("Research", system.GetProperty("system").GetProperty("owner").GetString());
        Assert.Equal(["1.0", "1.1-ft"], system.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));

        var version = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.1-ft"));
        Assert.Equal("atlas@1.0", version.GetProperty("version").GetProperty("baseVersion").GetString());
        Assert.Equal(3e25, version.GetProperty("trainingComputeFlop").GetDouble());
        // SB 53 counts the original training and later fine-tuning together: 8e25 + 3e25 crosses 1e26.
        Assert.Equal(1.1e26, version.GetProperty("totalComputeFlopWithLineage").GetDouble(), 1e20);
    }

    [Fact]
    public async Task InternalSystems_AreInvisibleAnonymously_AndCannotHavePublicVersions()
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "secret-model", owner = "Lab", purpose = "Unreleased" });
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync("/api/v1/systems/secret-model")).StatusCode);
        Assert.Empty((await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/systems"))).EnumerateArray());
        Assert.Single((await ReadJsonAsync(await admin.GetAsync("/api/v1/systems"))).EnumerateArray());

        var size = TreeSize;
        var response = await admin.PostAsJsonAsync("/api/v1/systems/secret-model/versions", new { version = "0.1", visibility = "public" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("would reveal", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task WeightsDigest_IsRecordedAsEvidence_InTheSameTransaction_AndJoinsTheSnapshot()
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "Research", purpose = "Assistant" });
        var digest = RandomSha256();
        var created = await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "2.0", weights = new { sha256 = digest, name = "model.safetensors", size = 123 } });
        Assert.Equal(created.GetProperty("index").GetInt64() - 1, long.Parse(created.GetProperty("weightsEvidence").GetString()!["ev-".Length..]));

        var evidence = Assert.Single((await ReadJsonAsync(await admin.GetAsync($"/api/v1/evidence?sha256={digest}"))).EnumerateArray());
        Assert.Equal("atlas@2.0", evidence.GetProperty("subject").GetString());

        var snapshot = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/2.0/snapshot"));
        var item = Assert.Single(snapshot.GetProperty("items").EnumerateArray());
        Assert.Equal(digest, item.GetProperty("sha256").GetString());
        Assert.Matches("^[0-9a-f]{64}$", snapshot.GetProperty("digest").GetString());

        // A second file about the version changes the snapshot digest.
        var before = snapshot.GetProperty("digest").GetString();
        await PostOkAsync(admin, "/api/v1/evidence", new { sha256 = RandomSha256(), name = "eval.json", subject = "atlas@2.0" });
        var after = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/2.0/snapshot"));
        Assert.Equal(2, after.GetProperty("items").GetArrayLength());
        Assert.NotEqual(before, after.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task Duplicates_AndUnknownParents_AreRefused_WithReasons_AndWriteNothing()
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "R", purpose = "P" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs", new { run = "a", startedOn = "2026-01-01" });
        var size = TreeSize;

        await AssertRefusedAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "R", purpose = "P" }, HttpStatusCode.Conflict, "already registered");
        await AssertRefusedAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0" }, HttpStatusCode.Conflict, "already registered");
        await AssertRefusedAsync(admin, "/api/v1/systems/nope/versions", new { version = "1.0" }, HttpStatusCode.NotFound, "register it first");
        await AssertRefusedAsync(admin, "/api/v1/systems/atlas/versions", new { version = "2.0", baseVersion = "atlas@9" }, HttpStatusCode.Conflict, "not registered");
        await AssertRefusedAsync(admin, "/api/v1/systems/atlas/versions/9/training-runs", new { run = "b", startedOn = "2026-01-01" }, HttpStatusCode.NotFound, "No version");
        await AssertRefusedAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs", new { run = "a", startedOn = "2026-01-01" }, HttpStatusCode.Conflict, "already recorded");
        Assert.Equal(size, TreeSize);
    }

    [Theory]
    [InlineData("/api/v1/systems", """{"name":"Atlas","owner":"o","purpose":"p"}""", "not a valid system name")]
    [InlineData("/api/v1/systems", """{"name":"a b","owner":"o","purpose":"p"}""", "not a valid system name")]
    [InlineData("/api/v1/systems", """{"name":"ok","owner":""}""", "owner cannot be empty")]
    [InlineData("/api/v1/systems", """{"name":"ok","owner":"o","purpose":"p","visibility":"confidential"}""", "visibility")]
    [InlineData("/api/v1/systems/atlas/versions", """{"version":"../x"}""", "not a valid version")]
    [InlineData("/api/v1/systems/atlas/versions", """{"version":"1","kind":"robot"}""", "kind must be one of")]
    [InlineData("/api/v1/systems/atlas/versions", """{"version":"1","baseVersion":"llama"}""", "system@version")]
    [InlineData("/api/v1/systems/atlas/versions", """{"version":"1","weights":{"sha256":"12"}}""", "weights.sha256")]
    [InlineData("/api/v1/systems/atlas/versions/1.0/training-runs", """{"run":"r","startedOn":"2026-13-01"}""", "YYYY-MM-DD")]
    [InlineData("/api/v1/systems/atlas/versions/1.0/training-runs", """{"run":"r","startedOn":"2026-02-01","endedOn":"2026-01-01"}""", "before startedOn")]
    [InlineData("/api/v1/systems/atlas/versions/1.0/training-runs", """{"run":"r","startedOn":"2026-02-01","computeFlop":-1}""", "computeFlop")]
    [InlineData("/api/v1/systems/atlas/versions/1.0/status", """{"status":"gone","reason":"x"}""", "status must be one of")]
    [InlineData("/api/v1/systems/atlas/versions/1.0/status", """{"status":"retired"}""", "reason")]
    public async Task BadRequests_AreBadRequest_AndWriteNothing(string path, string body, string expected)
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "R", purpose = "P" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0" });
        var size = TreeSize;
        var response = await admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task StatusChanges_AreKeptAsHistory_AndAuditorsCannotWrite()
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "R", purpose = "P" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/status", new { status = "internal", reason = "Staff dogfooding" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/status", new { status = "retired", reason = "Superseded" });

        var version = await ReadJsonAsync(await admin.GetAsync("/api/v1/systems/atlas/versions/1.0"));
        Assert.Equal("retired", version.GetProperty("version").GetProperty("status").GetString());
        Assert.Equal(["internal", "retired"], version.GetProperty("statusChanges").EnumerateArray().Select(s => s.GetProperty("status").GetString()));

        var auditor = Factory.CreateClient(await CreateUserAsync(admin, "audrey", "auditor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/systems", new { name = "x", owner = "o", purpose = "p" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/systems/atlas/versions/1.0/snapshot")).StatusCode);
    }

    [Fact]
    public async Task ConcurrentRegistrationsOfOneName_ExactlyOneWins()
    {
        var admin = Factory.Admin();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            admin.PostAsJsonAsync("/api/v1/systems", new { name = "race", owner = "o", purpose = "p" })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task RebuildProjections_GivesTheSameRegistry()
    {
        var admin = Factory.Admin();
        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "R", purpose = "P", visibility = "public" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0", weights = new { sha256 = RandomSha256() } });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/training-runs", new { run = "a", startedOn = "2026-01-01", computeFlop = 1e24 });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions/1.0/status", new { status = "internal", reason = "Ready" });

        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        Assert.Contains("training_runs", before);
        Assert.Contains("compute_flop=1E+24", before, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await DumpProjectionsAsync());
    }

    private async Task AssertRefusedAsync(HttpClient client, string path, object body, HttpStatusCode status, string expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, (await ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }
}

public sealed class RegistryApiTestsOnSqlite : RegistryApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class RegistryApiTestsOnPostgres : RegistryApiTests
{
    protected override bool UsePostgres => true;
}
