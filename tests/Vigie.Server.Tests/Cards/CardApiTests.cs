using System.Net;
using System.Text.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Cards;

public abstract class CardApiTests : ServerTest
{
    [Fact]
    public async Task Put_CreatesRevisionOne_WithETag_AndTheDiffFromAnEmptyCard()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        var put = await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"Atlas"},"training":{"computeFlop":3.8e25}}""", baseRevision: 0, note: "First card");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("\"r1\"", put.Headers.ETag!.Tag);
        var created = await ReadJsonAsync(put);
        Assert.Equal(1, created.GetProperty("revision").GetInt64());
        Assert.True(created.GetProperty("material").GetBoolean());
        Assert.Equal(["model", "training"], created.GetProperty("diff").EnumerateArray().Select(c => c.GetProperty("path").GetString()));

        var get = await admin.GetAsync(CardApi.CardPath("atlas", "1.0"));
        Assert.Equal("\"r1\"", get.Headers.ETag!.Tag);
        var card = await ReadJsonAsync(get);
        Assert.Equal(3.8e25, card.GetProperty("card").GetProperty("training").GetProperty("computeFlop").GetDouble());
        Assert.Equal("First card", card.GetProperty("note").GetString());
        Assert.Equal("admin", card.GetProperty("revisedBy").GetString());
        Assert.Matches("^[0-9a-f]{64}$", card.GetProperty("cardSha256").GetString());
    }

    [Fact]
    public async Task VersionWithoutCard_HasTheEmptyCard_AtRevisionZero()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        var get = await admin.GetAsync(CardApi.CardPath("atlas", "1.0"));

        Assert.Equal("\"r0\"", get.Headers.ETag!.Tag);
        Assert.Equal("""{"system":"atlas","version":"1.0","revision":0,"card":{}}""", (await get.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task StaleIfMatch_IsAConflict_AndWritesNothing()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"A"}}""", 0);
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"B"}}""", null, ifMatch: "\"r1\"");
        var size = TreeSize;

        var stale = await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"C"}}""", null, ifMatch: "\"r1\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("is at revision 2, not 1", (await ReadJsonAsync(stale)).GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task ConcurrentSavesFromTheSameRevision_OnlyOneWins()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            CardApi.PutAsync(admin, "atlas", "1.0", "{\"model\":{\"name\":\"editor " + i + "\"}}", baseRevision: 0)));

        Assert.Single(saves, s => s.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, saves.Count(s => s.StatusCode == HttpStatusCode.Conflict));
        var revisions = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/revisions"));
        Assert.Single(revisions.EnumerateArray());
    }

    [Theory]
    [InlineData("""{"card":{"model":{"name":"x"}}}""", null, 428, "Say which revision you edited")]
    [InlineData("""{"card":{"model":{"name":"x"}},"baseRevision":0}""", "\"3\"", 400, "If-Match must be the card's ETag")]
    [InlineData("""{"card":{"model":{"name":"x"}},"baseRevision":0}""", "\"r2\"", 400, "If-Match says revision 2 but baseRevision says 0")]
    [InlineData("""{"card":{"training":{"computeFlop":"lots"},"risk":{"safetyRiskAssessment":"critical"}},"baseRevision":0}""", null, 400, "training.computeFlop: must be a number")]
    [InlineData("""{"card":{"trainig":{}},"baseRevision":0}""", null, 400, "did you mean 'training'?")]
    [InlineData("""{"card":[],"baseRevision":0}""", null, 400, "must be a JSON object")]
    [InlineData("""{"card":{},"baseRevision":0,"colour":"red"}""", null, 400, "Unknown field 'colour'")]
    [InlineData("""{"baseRevision":0}""", null, 400, "card")]
    [InlineData("""{"card":{},"baseRevision":-1}""", null, 400, "cannot be negative")]
    [InlineData("""{"card":{},"baseRevision":0,"note":"a\u0001b"}""", null, 400, "control character")]
    [InlineData("""{"card":{},"baseRevision":0,"visibility":"secret"}""", null, 400, "visibility must be")]
    public async Task BadPut_IsRefused_WithAReason_AndWritesNothing(string body, string? ifMatch, int status, string expected)
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        var size = TreeSize;
        var request = new HttpRequestMessage(HttpMethod.Put, CardApi.CardPath("atlas", "1.0"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await admin.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Contains(expected, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task InvalidCard_ListsEveryFieldError_ForPrograms()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        var response = await CardApi.PutAsync(admin, "atlas", "1.0", """{"training":{"computeFlop":"lots"},"risk":{"safetyRiskAssessment":"critical"}}""", 0);

        var errors = (await ReadJsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Order();
        Assert.Equal(["risk.safetyRiskAssessment", "training.computeFlop"], errors);
    }

    [Fact]
    public async Task SameCardAgain_IsUnchanged_AndWritesNothing()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"A"}}""", 0);
        var size = TreeSize;

        var again = await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"A","summary":""}}""", 1);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var json = await ReadJsonAsync(again);
        Assert.True(json.GetProperty("unchanged").GetBoolean());
        Assert.Equal(1, json.GetProperty("revision").GetInt64());
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task UnknownVersion_IsNotFound_AndWritingItsCardToo()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(CardApi.CardPath("atlas", "9.9"))).StatusCode);
        var put = await CardApi.PutAsync(admin, "atlas", "9.9", """{"model":{"name":"A"}}""", 0);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Contains("register it first", (await ReadJsonAsync(put)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task InternalVersion_HasAnInternalCard_ThatAnonymousCallersCannotSee()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "secret", "0.1", visibility: "internal");

        var publicCard = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, CardApi.CardPath("secret", "0.1"))
        {
            Content = new StringContent("""{"card":{"model":{"name":"S"}},"baseRevision":0,"visibility":"public"}""", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, publicCard.StatusCode);
        Assert.Contains("would reveal it in the public log", (await ReadJsonAsync(publicCard)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Created, (await CardApi.PutAsync(admin, "secret", "0.1", """{"model":{"name":"S"}}""", 0)).StatusCode);
        var card = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("secret", "0.1")));
        Assert.Equal("internal", card.GetProperty("visibility").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync(CardApi.CardPath("secret", "0.1"))).StatusCode);
    }

    [Fact]
    public async Task Writes_NeedAWriterRole_ReadsOfPublicCardsNeedNoToken()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"A"}}""", 0);
        var auditor = Factory.CreateClient(await CreateUserAsync(admin, "audrey", "auditor"));

        Assert.Equal(HttpStatusCode.Forbidden, (await CardApi.PutAsync(auditor, "atlas", "1.0", """{"model":{"name":"B"}}""", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CardApi.PutAsync(Factory.CreateClient(), "atlas", "1.0", """{"model":{"name":"B"}}""", 1)).StatusCode);
        var anonymous = await ReadJsonAsync(await Factory.CreateClient().GetAsync(CardApi.CardPath("atlas", "1.0")));
        Assert.Equal("A", anonymous.GetProperty("card").GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(CardApi.CardPath("atlas", "1.0") + "/check?profile=hf-basic")).StatusCode);
    }

    [Fact]
    public async Task Revisions_AreListed_AndEachShowsItsDiff_AndWhetherItIsMaterial()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"Atlas","summary":"An asistant."}}""", 0);
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"name":"Atlas","summary":"An assistant."}}""", 1, material: false, note: "Typo");

        var list = (await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/revisions"))).EnumerateArray().ToList();
        Assert.Equal([(1L, true, 1), (2L, false, 1)], list.Select(r => (r.GetProperty("revision").GetInt64(), r.GetProperty("material").GetBoolean(), r.GetProperty("changes").GetInt32())));
        Assert.False(list[0].TryGetProperty("card", out _));

        var second = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/revisions/2"));
        var change = Assert.Single(second.GetProperty("diff").EnumerateArray());
        Assert.Equal("""{"path":"model.summary","op":"replace","old":"An asistant.","new":"An assistant."}""", change.GetRawText());
        Assert.Equal("Typo", second.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/revisions/3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/revisions/x")).StatusCode);
        var first = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "?revision=1"));
        Assert.Equal("An asistant.", first.GetProperty("card").GetProperty("model").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Check_ListsWhatTheProfileMisses_WithCitations()
    {
        var admin = Factory.Admin();
        await CardApi.RegisterAsync(admin, "atlas", "1.0");
        await CardApi.PutAsync(admin, "atlas", "1.0", """{"model":{"website":"https://example.org/","contact":"safety@example.org"}}""", 0);

        var check = await ReadJsonAsync(await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/check?profile=sb53-transparency"));

        Assert.False(check.GetProperty("complete").GetBoolean());
        var missing = check.GetProperty("missing").EnumerateArray().ToList();
        Assert.Equal("model.releaseDate", missing[0].GetProperty("path").GetString());
        Assert.Contains("§22757.12(c)(1)(C)", missing[0].GetProperty("citation").GetString());
        Assert.Equal(9, missing.Count);

        var bad = await admin.GetAsync(CardApi.CardPath("atlas", "1.0") + "/check?profile=sb-53");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sb53-transparency, eu-annex-xi, cop-model-report, hf-basic", (await ReadJsonAsync(bad)).GetProperty("detail").GetString());
    }
}

public sealed class CardApiTestsOnSqlite : CardApiTests
{
    protected override bool UsePostgres => false;
}

public sealed class CardApiTestsOnPostgres : CardApiTests
{
    protected override bool UsePostgres => true;
}
