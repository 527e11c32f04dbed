using System.Net;
using System.Net.Http.Json;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Server.Tests.Concerns;

public abstract class ConcernHandlingTests : ConcernTest
{
    [Fact]
    public async Task TwoWayConversation_RecipientRepliesAndReporterAnswers_BothStayReadable()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Red-team findings were removed from the report.");
        var alice = Recipients["alice"];
        var view = Assert.Single((await InboxAsync("alice")).EnumerateArray());
        var id = view.GetProperty("concern").GetString();
        var client = Factory.CreateClient(alice.Token);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/concerns/{id}/acknowledge", JsonBody("{}"))).StatusCode);
        var reply = SealReply(view, alice.Key, "Which report? Please name the model.");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/concerns/{id}/replies", JsonBody($$"""{"message":{{reply.ToJson()}}}"""))).StatusCode);

        var status = await StatusAsync(reporter);
        Assert.Equal("acknowledged", status.GetProperty("status").GetString());
        var replied = status.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("step").GetString() == "replied");
        Assert.Equal("recipient", replied.GetProperty("by").GetString()); // the reporter is not told who
        Assert.Equal("Which report? Please name the model.", OpenMessage(replied.GetProperty("message"), reporter.Keys.ReplyKey));

        var recipientKeys = status.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!));
        var answer = ConcernEnvelope.Seal(new ConcernMessage("Model X, version 2.1.").ToBytes(), [.. recipientKeys, reporter.Keys.ReplyKey.PublicKey]);
        var answered = await Factory.CreateClient().PostAsync("/api/v1/concerns/answers",
            JsonBody($$"""{"locator":"{{reporter.Keys.Locator}}","access":"{{reporter.Keys.AccessBase64}}","message":{{answer.ToJson()}}}"""));
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);

        var thread = Assert.Single((await InboxAsync("bob")).EnumerateArray()).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["filed", "acknowledged", "replied", "answered"], thread.Select(e => e.GetProperty("step").GetString()));
        Assert.Equal("alice", thread[1].GetProperty("by").GetString());
        Assert.Equal("reporter", thread[3].GetProperty("by").GetString());
        Assert.Equal("Model X, version 2.1.", OpenMessage(thread[3].GetProperty("message"), Recipients["bob"].Key));
    }

    [Fact]
    public async Task Close_RecordsTheOutcome_CountsInStatistics_AndRefusesLaterSteps()
    {
        await SetUpChannelAsync();
        var reporter = await FileAsync("Text");
        var bob = Recipients["bob"];
        var id = Assert.Single((await InboxAsync("bob")).EnumerateArray()).GetProperty("concern").GetString();
        var client = Factory.CreateClient(bob.Token);

        var closed = await client.PostAsync($"/api/v1/concerns/{id}/close", JsonBody("""{"outcome":"substantiated","category":"safety"}"""));
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        var status = await StatusAsync(reporter);
        Assert.Equal("closed", status.GetProperty("status").GetString());
        Assert.Equal("substantiated", status.GetProperty("outcome").GetString());
        Assert.Equal("safety", status.GetProperty("category").GetString());

        var size = TreeSize;
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/concerns/{id}/acknowledge", JsonBody("{}"))).StatusCode);
        Assert.Equal(size, TreeSize);

        var stats = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/stats"));
        Assert.Equal(1, stats.GetProperty("received").GetInt32());
        Assert.Equal(0, stats.GetProperty("open").GetInt32());
        Assert.Equal(1, stats.GetProperty("closedByOutcome").GetProperty("substantiated").GetInt32());
        Assert.Equal(1, stats.GetProperty("feedback").GetProperty("onTime").GetInt32());

        // The public portal carries the same figures, closed by outcome included (issue 7: "closed
        // by outcome"), over all time and over a period that holds the day it was received.
        var day = status.GetProperty("receivedOn").GetString();
        foreach (var query in new[] { "", $"?from={day}&to={day}" })
        {
            var portal = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/portal/statistics" + query));
            var figures = portal.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "concerns")
                .GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetDouble());
            Assert.Equal(1, figures["closed-substantiated"]);
            Assert.Equal(0, figures["closed-withdrawn"]);
            Assert.Equal(0, figures["open"]);
            Assert.Equal(0, figures["missed-clocks"]);
        }

        var page = await (await Factory.CreateClient().GetAsync("/statistics")).Content.ReadAsStringAsync();
        Assert.Contains("Closed: substantiated", page);
    }

    [Fact]
    public async Task Steps_AreRefusedForOthers_AndForBadInput_WritingNothing()
    {
        await SetUpChannelAsync();
        await FileAsync("Text");
        var id = Assert.Single((await InboxAsync("bob")).EnumerateArray()).GetProperty("concern").GetString();
        var member = await CreateUserAsync(Factory.Admin(), "mia", "member");
        var size = TreeSize;

        // carol's tier has not been reached; a member without the role is refused outright.
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient(Recipients["carol"].Token).PostAsync($"/api/v1/concerns/{id}/acknowledge", JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClient(member).GetAsync($"/api/v1/concerns/{id}")).StatusCode);

        var bob = Factory.CreateClient(Recipients["bob"].Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await bob.PostAsync($"/api/v1/concerns/{id}/close", JsonBody("""{"outcome":"buried"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bob.PostAsync($"/api/v1/concerns/{id}/replies", JsonBody("{}"))).StatusCode);

        // A reply the reporter could not read (not sealed to their reply key) is refused.
        var withoutReporter = ConcernEnvelope.Seal(new ConcernMessage("hidden").ToBytes(), [.. Recipients.Values.Select(r => r.Key.PublicKey)]);
        var refused = await bob.PostAsync($"/api/v1/concerns/{id}/replies", JsonBody($$"""{"message":{{withoutReporter.ToJson()}}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("reporter's reply key", (await ReadJsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task Digest_IsForTheBoard_AndLeavesOutConcernsAboutTheBoard()
    {
        await SetUpChannelAsync();
        await FileAsync("About the board", ["board"]);
        await FileAsync("About an executive", ["executive"]);
        var quarter = $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month - 1) / 3 + 1}";
        var board = await CreateUserAsync(Factory.Admin(), "bea", "board");

        var digest = await ReadJsonAsync(await Factory.CreateClient(board).GetAsync($"/api/v1/concerns/digest?quarter={quarter}"));
        Assert.Equal(1, digest.GetProperty("summary").GetProperty("received").GetInt32());
        Assert.Equal(2, (await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/concerns/stats"))).GetProperty("received").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClient(Recipients["bob"].Token).GetAsync($"/api/v1/concerns/digest?quarter={quarter}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Factory.CreateClient(board).GetAsync("/api/v1/concerns/digest?quarter=2026-Q5")).StatusCode);
    }

    [Fact]
    public async Task Routing_NeedsTwoRecipients_OneOutsideTheLine_AllWithKeys()
    {
        var admin = Factory.Admin();
        await AddRecipientAsync(admin, "alice", "concern-recipient");
        await AddRecipientAsync(admin, "bob", "concern-recipient");
        await CreateUserAsync(admin, "dan", "concern-recipient");
        await CreateUserAsync(admin, "eve", "member");
        async Task ExpectAsync(object body, string expected)
        {
            var response = await admin.PutAsJsonAsync("/api/v1/concerns/routing", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        }

        await ExpectAsync(new { recipients = new[] { new { user = "alice", outsideLine = true } } }, "at least two");
        await ExpectAsync(new { recipients = new[] { new { user = "alice", outsideLine = false }, new { user = "bob", outsideLine = false } } }, "outside the safety officer");
        await ExpectAsync(new { recipients = new[] { new { user = "alice", outsideLine = false }, new { user = "dan", outsideLine = true } } }, "no registered public key");
        await ExpectAsync(new { recipients = new[] { new { user = "alice", outsideLine = false }, new { user = "eve", outsideLine = true } } }, "does not have the concern-recipient role");
        await ExpectAsync(new { recipients = new[] { new { user = "alice", outsideLine = false }, new { user = "bob", outsideLine = true } }, zone = "CET" }, "Unknown time zone");
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClient(Recipients["alice"].Token).PutAsJsonAsync("/api/v1/concerns/routing",
            new { recipients = new[] { new { user = "alice", outsideLine = false }, new { user = "bob", outsideLine = true } } })).StatusCode);
    }

    [Fact]
    public async Task RecipientKeys_RefuseLowOrderPoints_PrivateKeys_AndKeysOfOthers()
    {
        var admin = Factory.Admin();
        var alice = await AddRecipientAsync(admin, "alice", "concern-recipient");
        await CreateUserAsync(admin, "bob", "concern-recipient");
        var lowOrder = "vigie-concern-public-key-v1:" + Convert.ToBase64String(new byte[32]);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/concerns/recipient-keys", new { user = "bob", publicKey = lowOrder })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/concerns/recipient-keys", new { user = "bob", publicKey = ConcernKeyPair.Generate().ExportPrivateKey() })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/concerns/recipient-keys", new { user = "bob", publicKey = alice.Key.PublicKey.Export() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClient(alice.Token).PostAsJsonAsync("/api/v1/concerns/recipient-keys",
            new { user = "bob", publicKey = ConcernKeyPair.Generate().PublicKey.Export() })).StatusCode);
    }
}

public sealed class ConcernHandlingTestsOnSqlite : ConcernHandlingTests
{
    protected override bool UsePostgres => false;
}

public sealed class ConcernHandlingTestsOnPostgres : ConcernHandlingTests
{
    protected override bool UsePostgres => true;
}
