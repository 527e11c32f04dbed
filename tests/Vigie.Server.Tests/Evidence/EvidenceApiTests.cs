using System.Net;
using System.Net.Http.Json;
using System.Text;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Evidence;

public abstract class EvidenceApiTests : ServerTest
{
    [Fact]
    public async Task RecordedEvidence_IsFoundByDigest_WithItsIndexAndRecorder()
    {
        var admin = Factory.Admin();
        var digest = RandomSha256();
        var recorded = await ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/evidence",
            new { sha256 = digest.ToUpperInvariant(), name = "eval-log.json", subject = "model-x", mediaType = "application/json", size = 1234, visibility = "public" }));
        var index = recorded.GetProperty("index").GetInt64();

        var found = await ReadJsonAsync(await Factory.CreateClient().GetAsync($"/api/v1/evidence?sha256={digest}"));
        var item = Assert.Single(found.EnumerateArray());
        Assert.Equal(index, item.GetProperty("index").GetInt64());
        Assert.Equal(digest, item.GetProperty("sha256").GetString());
        Assert.Equal("admin", item.GetProperty("recordedBy").GetString());
        Assert.Equal("model-x", item.GetProperty("subject").GetString());
        Assert.Equal(1234, item.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task InternalEvidence_IsInvisibleWithoutToken()
    {
        var admin = Factory.Admin();
        var digest = RandomSha256();
        var recorded = await RecordEvidenceAsync(admin, digest, visibility: "internal");
        var id = recorded.GetProperty("id").GetString();

        var anonymous = await ReadJsonAsync(await Factory.CreateClient().GetAsync($"/api/v1/evidence?sha256={digest}"));
        Assert.Empty(anonymous.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/api/v1/evidence/{id}")).StatusCode);
        Assert.Single((await ReadJsonAsync(await admin.GetAsync($"/api/v1/evidence?sha256={digest}"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
    }

    [Fact]
    public async Task Auditor_CannotRecordEvidence_Anonymous_IsUnauthorized()
    {
        var auditor = await CreateUserAsync(Factory.Admin(), "audrey", "auditor");
        var body = new { sha256 = RandomSha256(), name = "x" };
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClient(auditor).PostAsJsonAsync("/api/v1/evidence", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().PostAsJsonAsync("/api/v1/evidence", body)).StatusCode);
    }

    [Theory]
    [InlineData("""{"sha256":"abc","name":"x"}""", "64 hexadecimal")]
    [InlineData("""{"sha256":"zz00000000000000000000000000000000000000000000000000000000000000","name":"x"}""", "64 hexadecimal")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":""}""", "name cannot be empty")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"a\u0001b"}""", "control character")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"x","size":-5}""", "negative")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"x","visibility":"confidential"}""", "visibility")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"x","visibility":"secret"}""", "visibility")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"x","colour":"red"}""", "Unknown field 'colour'")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"x","size":"big"}""", "size")]
    [InlineData("""{"name":"x"}""", "sha256")]
    [InlineData("""{"sha256":"0000000000000000000000000000000000000000000000000000000000000000","name":"x",}""", "not valid JSON")]
    [InlineData("""null""", "null")]
    [InlineData("", "empty")]
    public async Task BadEvidence_IsBadRequest_AndWritesNothing(string body, string expected)
    {
        var admin = Factory.Admin();
        var size = TreeSize;
        var response = await admin.PostAsync("/api/v1/evidence", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Contains(expected, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task OversizedBody_IsRefused_AndWritesNothing()
    {
        var admin = Factory.Admin();
        var size = TreeSize;
        var huge = new string('a', 70_000);
        var response = await admin.PostAsync("/api/v1/evidence",
            new StringContent($$"""{"sha256":"{{RandomSha256()}}","name":"x","description":"{{huge}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(size, TreeSize);

        var hugeTwo = new string('a', 2_000_000);
        var second = await admin.PostAsync("/api/v1/evidence", new StringContent(hugeTwo, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task NonJsonContentType_IsUnsupportedMediaType()
    {
        var response = await Factory.Admin().PostAsync("/api/v1/evidence", new StringContent("sha256=abc", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ConcurrentAppends_GetDistinctContiguousIndexes_AllDurableInTheLog()
    {
        var admin = Factory.Admin();
        var start = TreeSize;
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => RecordEvidenceAsync(admin, RandomSha256())));
        var indexes = results.Select(r => r.GetProperty("index").GetInt64()).Order().ToList();
        Assert.Equal(Enumerable.Range((int)start, 200).Select(i => (long)i), indexes);
        await CheckpointCoveringAsync(admin, start + 200);
    }
}

public sealed class EvidenceApiTestsOnSqlite : EvidenceApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class EvidenceApiTestsOnPostgres : EvidenceApiTests
{
    protected override bool UsePostgres => true;
}
