using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Core.Concerns;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

public abstract class ConcernFilingTests : ConcernTest
{
    [Fact]
    public async Task FiledConcern_OpensForFirstLineRecipients_NotForTheServerOrTheNextTier()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("The eval for model X was skipped before release.");

        foreach (var name in new[] { "alice", "bob" })
        {
            var concern = Assert.Single((await InboxAsync(name)).EnumerateArray());
            var opened = Envelope(concern.GetProperty("envelope")).Open(Recipients[name].Key);
            Assert.True(opened.IsOpened, opened.Message);
            Assert.True(ConcernReport.TryRead(opened.Content, out var report, out _));
            Assert.Equal("The eval for model X was skipped before release.", report.Text);
            Assert.Equal(reporter.Keys.ReplyKey.PublicKey, report.ReplyKey);
        }

        // Sealed to carol too (escalation tier), but not shown to her before an escalation.
        Assert.Empty((await InboxAsync("carol")).EnumerateArray());
        var status = await StatusAsync(reporter);
        Assert.Contains(Recipients["carol"].Key.PublicKey.KeyId, Envelope(status.GetProperty("envelope")).RecipientKeyIds);
        Assert.Equal("received", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FiledEntries_AreDayPrecision_WithoutActor_AndThePublicOneCarriesTheEnvelopeDigest()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Text");
        var index = reporter.Filed.GetProperty("index").GetInt64();
        await Factory.Service<Vigie.Server.Ledger.Ledger>().EnsureSizeAsync(index + 1);

        var filed = await ReadJsonAsync(await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{index}"));
        var envelope = filed.GetProperty("envelope");
        Assert.Equal("concern.filed/v1", envelope.GetProperty("kind").GetString());
        Assert.EndsWith("T00:00:00.000Z", envelope.GetProperty("time").GetString());
        Assert.False(envelope.TryGetProperty("actor", out _));
        var status = await StatusAsync(reporter);
        Assert.Equal(Convert.ToHexStringLower(Envelope(status.GetProperty("envelope")).Digest()),
            envelope.GetProperty("body").GetProperty("envelopeSha256").GetString());

        var received = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{index - 1}"));
        Assert.Equal("confidential", received.GetProperty("envelope").GetProperty("visibility").GetString());
        Assert.EndsWith("T00:00:00.000Z", received.GetProperty("envelope").GetProperty("time").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{index - 1}")).StatusCode);
    }

    [Fact]
    public async Task Status_CarriesProofsOfEveryEntry_ThatVerifyAgainstTheSignedCheckpoint()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Text");
        await CheckpointCoveringAsync(Factory.CreateClient(), TreeSize);
        var status = await StatusAsync(reporter);
        var proofs = status.GetProperty("proofs");
        var key = await LogKeyAsync(Factory.CreateClient());
        Assert.True(SignedNote.TryOpen(proofs.GetProperty("checkpoint").GetString()!, [key], out var opened, out var error), error);
        Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out _));
        var entries = proofs.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([status.GetProperty("receivedIndex").GetInt64(), status.GetProperty("index").GetInt64()],
            entries.Select(e => e.GetProperty("index").GetInt64()));
        foreach (var entry in entries)
        {
            var hashes = entry.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
            var leaf = MerkleHash.Leaf(Convert.FromBase64String(entry.GetProperty("entry").GetString()!));
            Assert.True(MerkleProof.VerifyInclusion(entry.GetProperty("index").GetInt64(), checkpoint!.Size, leaf, hashes, checkpoint.RootHash).IsValid);
        }
    }

    [Fact]
    public async Task WrongReceipt_AndUnknownLocator_GetTheSameAnswer()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Text");
        var other = ConcernReporterKeys.FromReceipt(ConcernReceipt.Generate());

        var wrongAccess = await Factory.CreateClient().PostAsJsonAsync("/api/v1/concerns/status", new { locator = reporter.Keys.Locator, access = other.AccessBase64 });
        var unknown = await Factory.CreateClient().PostAsJsonAsync("/api/v1/concerns/status", new { locator = other.Locator, access = other.AccessBase64 });

        Assert.Equal(HttpStatusCode.NotFound, wrongAccess.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((await ReadJsonAsync(wrongAccess)).GetProperty("detail").GetString(), (await ReadJsonAsync(unknown)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AboutARole_ExcludesItsHolders_AndAnEnvelopeSealedToThemIsRefused()
    {
        await SetUpChannelAsync();
        var recipients = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/recipients?about=safety-officer&about=board"));
        Assert.Equal(["bob"], recipients.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        var size = TreeSize;
        var keys = ConcernReporterKeys.FromReceipt(ConcernReceipt.Generate());
        var toEveryone = ConcernEnvelope.Seal("x"u8, [.. Recipients.Values.Select(r => r.Key.PublicKey), keys.ReplyKey.PublicKey]);
        var refused = await PostFileAsync(Factory.CreateClient(), toEveryone, keys, ["board", "safety-officer"]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("exactly its 1 recipients", (await ReadJsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);

        await FileAsync("About the board and the safety officer", ["board", "safety-officer"]);
        Assert.Empty((await InboxAsync("alice")).EnumerateArray());
        Assert.Single((await InboxAsync("bob")).EnumerateArray());
    }

    [Theory]
    [InlineData("""{"envelope":{},"locator":"ABCDEFGH1","access":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}""", "no \"version\"")]
    [InlineData("""{"envelope":{"version":"vigie-concern-envelope/v9"},"locator":"ABCDEFGH1","access":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}""", "Unknown envelope version")]
    [InlineData("""{"envelope":{},"locator":"abc","access":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}""", "locator")]
    [InlineData("""{"envelope":{},"locator":"ABCDEFGH1","access":"short"}""", "access")]
    [InlineData("""{"envelope":{},"locator":"ABCDEFGH1","access":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","about":["ceo"]}""", "not a role")]
    [InlineData("""{"envelope":{},"locator":"ABCDEFGH1","access":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","category":"gossip"}""", "not a category")]
    [InlineData("""{"envelope":{},"locator":"ABCDEFGH1","access":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","name":"me"}""", "Unknown field 'name'")]
    [InlineData("""{"locator":"ABCDEFGH1"}""", "envelope")]
    public async Task BadSubmission_IsBadRequest_AndWritesNothing(string body, string expected)
    {
        await SetUpChannelAsync();
        var size = TreeSize;
        var response = await Factory.CreateClient().PostAsync("/api/v1/concerns", JsonBody(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task NoRouting_IsAClearConflict_ForRecipientsAndFiling()
    {
        var response = await Factory.CreateClient().GetAsync("/api/v1/concerns/recipients");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("external channel", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ReusedLocator_IsAConflict_ThatAsksForANewReceipt()
    {
        await SetUpChannelAsync();
        var first = await FileAsync("One");
        var recipients = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/recipients"));
        var keys = recipients.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!)).ToList();
        var envelope = ConcernEnvelope.Seal("Two"u8, [.. keys, first.Keys.ReplyKey.PublicKey]);
        var size = TreeSize;

        var response = await PostFileAsync(Factory.CreateClient(), envelope, first.Keys);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("make a new receipt", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task RebuildProjections_GivesTheSameConcerns()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Text");
        var bob = Recipients["bob"];
        var view = Assert.Single((await InboxAsync("bob")).EnumerateArray());
        var id = view.GetProperty("concern").GetString();
        var client = Factory.CreateClient(bob.Token);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/concerns/{id}/acknowledge", JsonBody("{}"))).StatusCode);
        var reply = SealReply(view, bob.Key, "We are looking into it.");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/concerns/{id}/replies", JsonBody($$"""{"message":{{reply.ToJson()}},"feedback":true}"""))).StatusCode);
        _ = await StatusAsync(reporter);

        var before = await DumpProjectionsAsync();
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        Assert.Contains("concern_events", before);
        Assert.Contains("step=replied", before);
        Assert.Equal(before, await DumpProjectionsAsync());
    }
}

public sealed class ConcernFilingTestsOnSqlite : ConcernFilingTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernFilingTestsOnPostgres : ConcernFilingTests
{
    protected override bool UsePostgres => true;
}
