using System.Net;
using System.Text;
using Vigie.Core.Ledger;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Log;

public abstract class LogApiTests : ServerTest
{
    [Fact]
    public async Task Checkpoint_VerifiesWithPublishedKey_AndCoversFirstStartEntries()
    {
        var client = Factory.CreateClient();
        var key = await LogKeyAsync(client);
        Assert.Equal("test.vigie.example/log", key.Name);

        var checkpoint = await CheckpointCoveringAsync(client, 2);
        Assert.Equal("test.vigie.example/log", checkpoint.Origin);
        Assert.Equal(2, checkpoint.Size); // user.created + token.issued for the first admin
        Assert.Equal(Factory.Service<Ledger.Ledger>().Tree.RootHash(2), checkpoint.RootHash);
    }

    [Fact]
    public async Task Checkpoint_IsSigned_WithinOneSecondOfAppend()
    {
        var admin = Factory.Admin();
        var before = await CheckpointCoveringAsync(admin, 2);
        var evidence = await RecordEvidenceAsync(admin, RandomSha256());
        var index = evidence.GetProperty("index").GetInt64();

        var after = await CheckpointCoveringAsync(admin, index + 1, TimeSpan.FromSeconds(1));
        Assert.True(after.Size > before.Size);
    }

    [Fact]
    public async Task Append_ReturnsIndex_AndEntryIsServedInTilesWithMatchingLeafHash()
    {
        var admin = Factory.Admin();
        var digest = RandomSha256();
        var evidence = await RecordEvidenceAsync(admin, digest);
        var index = evidence.GetProperty("index").GetInt64();
        Assert.Equal(2, index);

        var bundle = await admin.GetByteArrayAsync($"/log/tile/entries/000.p/{index + 1}");
        Assert.True(EntryBundle.TryDecode(bundle, out var entries, out var error), error);
        Assert.Equal(index + 1, entries.Count);
        Assert.True(Envelope.TryParse(entries[(int)index], out var envelope, out var parseError), parseError);
        Assert.Equal("evidence.recorded/v1", envelope!.Kind);
        Assert.Equal("admin", envelope.Actor);
        Assert.Equal(digest, envelope.Body!.Value.GetProperty("sha256").GetString());

        var hashTile = await admin.GetByteArrayAsync($"/log/tile/0/000.p/{index + 1}");
        Assert.Equal(MerkleHash.Leaf(entries[(int)index]), hashTile.AsSpan((int)index * 32, 32).ToArray());
    }

    [Fact]
    public async Task InclusionProof_FromApi_VerifiesAgainstSignedCheckpoint()
    {
        var admin = Factory.Admin();
        for (var i = 0; i < 5; i++)
        {
            await RecordEvidenceAsync(admin, RandomSha256());
        }

        var checkpoint = await CheckpointCoveringAsync(admin, 7);
        var entry = await ReadJsonAsync(await admin.GetAsync("/api/v1/log/entries/4"));
        var envelopeBytes = Convert.FromBase64String(entry.GetProperty("envelopeBase64").GetString()!);
        var leaf = MerkleHash.Leaf(envelopeBytes);
        Assert.Equal(Convert.ToBase64String(leaf), entry.GetProperty("leafHash").GetString());

        var proof = await ReadJsonAsync(await admin.GetAsync($"/api/v1/log/proofs/inclusion?index=4&size={checkpoint.Size}"));
        var hashes = proof.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
        Assert.True(MerkleProof.VerifyInclusion(4, checkpoint.Size, leaf, hashes, checkpoint.RootHash).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(3, checkpoint.Size, leaf, hashes, checkpoint.RootHash).IsValid);
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies()
    {
        var admin = Factory.Admin();
        var first = await CheckpointCoveringAsync(admin, 2);
        for (var i = 0; i < 9; i++)
        {
            await RecordEvidenceAsync(admin, RandomSha256());
        }

        var second = await CheckpointCoveringAsync(admin, 11);
        var proof = await ReadJsonAsync(await admin.GetAsync($"/api/v1/log/proofs/consistency?from={first.Size}&to={second.Size}"));
        var hashes = proof.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
        Assert.True(MerkleProof.VerifyConsistency(first.Size, second.Size, hashes, first.RootHash, second.RootHash).IsValid);
    }

    [Fact]
    public async Task FullTiles_AreImmutableAndCacheable_PartialTilesAreNot()
    {
        var admin = Factory.Admin();
        var tasks = Enumerable.Range(0, 300).Select(_ => RecordEvidenceAsync(admin, RandomSha256()));
        await Task.WhenAll(tasks);

        var full = await admin.GetAsync("/log/tile/0/000");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(8192, (await full.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("immutable", full.Headers.CacheControl!.ToString());

        var fullEntries = await admin.GetAsync("/log/tile/entries/000");
        Assert.True(EntryBundle.TryDecode(await fullEntries.Content.ReadAsByteArrayAsync(), out var entries, out _));
        Assert.Equal(256, entries.Count);

        var partial = await admin.GetAsync("/log/tile/0/001.p/10");
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.DoesNotContain("immutable", partial.Headers.CacheControl!.ToString());

        var tooFar = await admin.GetAsync("/log/tile/0/002");
        Assert.Equal(HttpStatusCode.NotFound, tooFar.StatusCode);
        Assert.Equal("application/problem+json", tooFar.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/log/tile/0/1")]
    [InlineData("/log/tile/0/0001")]
    [InlineData("/log/tile/0/000.p/0")]
    [InlineData("/log/tile/0/000.p/256")]
    [InlineData("/log/tile/x/000")]
    [InlineData("/log/tile/64/000")]
    [InlineData("/log/tile/0/x000")]
    [InlineData("/log/tile/entries/001.p/abc")]
    [InlineData("/log/tile/0/000/")]
    [InlineData("/log/tile/-1/000")]
    public async Task MalformedTilePath_IsBadRequestProblem(string path)
    {
        var response = await Factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/log/entries/abc", 400)]
    [InlineData("/api/v1/log/entries/-1", 400)]
    [InlineData("/api/v1/log/entries/99999999999999999999", 400)]
    [InlineData("/api/v1/log/entries/1000", 404)]
    [InlineData("/api/v1/log/proofs/inclusion?index=5&size=3", 400)]
    [InlineData("/api/v1/log/proofs/inclusion?index=0&size=999", 400)]
    [InlineData("/api/v1/log/proofs/inclusion?size=2", 400)]
    [InlineData("/api/v1/log/proofs/consistency?from=0&to=2", 400)]
    [InlineData("/api/v1/log/proofs/consistency?from=3&to=2", 400)]
    [InlineData("/api/v1/log/proofs/consistency?from=1&to=50", 400)]
    public async Task OutOfRangeIndexesAndSizes_AreProblems(string url, int status)
    {
        var response = await Factory.Admin().GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task InternalEntry_IsHiddenFromAnonymous_AndRevealedBodyMatchesCommitment()
    {
        var admin = Factory.Admin();
        var evidence = await RecordEvidenceAsync(admin, RandomSha256(), visibility: "internal");
        var index = evidence.GetProperty("index").GetInt64();

        var anonymous = await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{index}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var entry = await ReadJsonAsync(await admin.GetAsync($"/api/v1/log/entries/{index}"));
        var bytes = Convert.FromBase64String(entry.GetProperty("envelopeBase64").GetString()!);
        Assert.True(Envelope.TryParse(bytes, out var envelope, out _));
        Assert.Null(envelope!.Body);
        Assert.NotNull(envelope.Commitment);

        var sealedBody = entry.GetProperty("sealedBody");
        var body = Encoding.UTF8.GetBytes(sealedBody.GetProperty("body").GetRawText());
        var salt = Convert.FromBase64String(sealedBody.GetProperty("salt").GetString()!);
        var canonical = Vigie.Core.Json.Jcs.Canonicalize(sealedBody.GetProperty("body"));
        Assert.True(Commitment.Matches(envelope, new SealedBody(salt, canonical)));
        Assert.False(Commitment.Matches(envelope, new SealedBody(new byte[32], canonical)));
        Assert.NotEmpty(body);
    }

    [Fact]
    public async Task ConfidentialEntry_IsForbiddenToMembers()
    {
        var admin = Factory.Admin();
        // entry 1 is the first admin's token.issued, which is confidential
        var member = await CreateUserAsync(admin, "mia", "member");
        var response = await Factory.CreateClient(member).GetAsync("/api/v1/log/entries/1");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var asAdmin = await admin.GetAsync("/api/v1/log/entries/1");
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }
}

public sealed class LogApiTestsOnSqlite : LogApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class LogApiTestsOnPostgres : LogApiTests
{
    protected override bool UsePostgres => true;
}
