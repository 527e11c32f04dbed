using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>Who sees what, and bad requests: clear 4xx problems that write nothing.</summary>
public abstract class DecisionAccessTests : DecisionTest
{
    [Fact]
    public async Task InternalDecisions_AreInvisibleAnonymously_PublicOnesAreListed()
    {
        await SetUpAsync();
        var open = await OpenAsync();
        var hidden = await OpenAsync("deploy-internal", visibility: "internal");
        var anonymous = Factory.CreateClient();

        var listed = await ReadJsonAsync(await anonymous.GetAsync("/api/v1/decisions"));
        Assert.Equal([open], listed.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/decisions/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Person("max").GetAsync($"/api/v1/decisions/{hidden}")).StatusCode);
        Assert.Equal([hidden, open], (await ReadJsonAsync(await Person("max").GetAsync("/api/v1/decisions?open=true&system=atlas")))
            .EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Empty((await ReadJsonAsync(await Person("max").GetAsync("/api/v1/decisions?system=other"))).EnumerateArray());
    }

    [Fact]
    public async Task ConfidentialDissent_ShowsItsReasonToAll_AndItsStatementOnlyToAuthorAdminsAndAuditors()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var recorded = await PostAsync(Person("max"), $"/api/v1/decisions/{id}/dissent",
            new { statement = "Customer Z's use case was never evaluated.", confidentialReason = "It names a customer under NDA." }, HttpStatusCode.Created);
        var index = recorded.GetProperty("index").GetInt64();

        string? Statement(System.Text.Json.JsonElement d) => Assert.Single(d.GetProperty("dissent").EnumerateArray()).GetProperty("statement").GetString();
        var anonymous = await GetAsync(id, Factory.CreateClient());
        var dissent = Assert.Single(anonymous.GetProperty("dissent").EnumerateArray());
        Assert.True(dissent.GetProperty("confidential").GetBoolean());
        Assert.True(dissent.GetProperty("statementWithheld").GetBoolean());
        Assert.Equal("It names a customer under NDA.", dissent.GetProperty("confidentialReason").GetString());
        Assert.Null(Statement(anonymous));
        Assert.Null(Statement(await GetAsync(id, Person("eve"))));
        Assert.Equal("Customer Z's use case was never evaluated.", Statement(await GetAsync(id, Person("max"))));
        Assert.Equal("Customer Z's use case was never evaluated.", Statement(await GetAsync(id, Person("audrey"))));

        // in the log: the reason is a public entry, the statement a sealed one right after it
        var publicEntry = await ReadJsonAsync(await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{index}"));
        Assert.Equal("It names a customer under NDA.", publicEntry.GetProperty("envelope").GetProperty("body").GetProperty("confidentialReason").GetString());
        Assert.False(publicEntry.GetProperty("envelope").GetProperty("body").TryGetProperty("statement", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync($"/api/v1/log/entries/{index + 1}")).StatusCode);
        var sealedEntry = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{index + 1}"));
        Assert.Equal("confidential", sealedEntry.GetProperty("envelope").GetProperty("visibility").GetString());
        Assert.Equal("decision.dissent-statement/v1", sealedEntry.GetProperty("envelope").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task DecisionOnInternalEvidence_IsInternalByDefault_AndCannotBePublic()
    {
        await SetUpAsync();
        var internalEvidence = await RecordAboutVersionAsync("red-team-notes.md", visibility: "internal");

        var detail = await RefusedAsync(() => Person("olga").PostAsJsonAsync("/api/v1/decisions",
            new { type = "deploy-external", system = System, version = Version, title = "Ship", visibility = "public" }), HttpStatusCode.BadRequest);
        Assert.Contains($"evidence {internalEvidence.GetProperty("id").GetString()}", detail);
        Assert.Contains("is internal", detail);

        var id = await OpenAsync();
        Assert.Equal("internal", (await GetAsync(id)).GetProperty("visibility").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/api/v1/decisions/{id}")).StatusCode);
    }

    [Fact]
    public async Task InternalEvidenceJoiningAPublicDecision_IsRecordedInternally_AndWithheldFromAnonymousReaders()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var before = await DigestAsync(id);
        await RecordAboutVersionAsync("red-team-notes.md", visibility: "internal");
        await WaitForAsync(async () => await DigestAsync(id) != before, "the decision to take the new evidence");

        var anonymous = (await GetAsync(id, Factory.CreateClient())).GetProperty("snapshot");
        Assert.True(anonymous.GetProperty("itemsWithheld").GetBoolean());
        Assert.Empty(anonymous.GetProperty("items").EnumerateArray());
        var member = (await GetAsync(id, Person("max"))).GetProperty("snapshot");
        Assert.Contains(member.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "red-team-notes.md");
        var change = await ReadJsonAsync(await Factory.Admin().GetAsync($"/api/v1/log/entries/{member.GetProperty("index").GetInt64()}"));
        Assert.Equal("decision.evidence-changed/v1", change.GetProperty("envelope").GetProperty("kind").GetString());
        Assert.Equal("internal", change.GetProperty("envelope").GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Anonymous_IsUnauthorized_AndAnAuditorCannotOpen()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        await RefusedAsync(() => Factory.CreateClient().PostAsJsonAsync($"/api/v1/decisions/{id}/dissent", new { statement = "x" }), HttpStatusCode.Unauthorized);
        await RefusedAsync(() => Person("audrey").PostAsJsonAsync("/api/v1/decisions", new { type = "train", system = System, version = Version, title = "t" }), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"type":"deploy-anywhere","title":"t"}""", "not a decision type")]
    [InlineData("""{"type":"deploy-external","title":""}""", "title cannot be empty")]
    [InlineData("""{"type":"deploy-external","title":"t"}""", "give both system and version")]
    [InlineData("""{"type":"deploy-external","title":"t","system":"Atlas!","version":"1.0"}""", "not a valid system name")]
    [InlineData("""{"type":"deploy-external","title":"t","system":"atlas","version":"1.0","visibility":"secret"}""", "visibility")]
    [InlineData("""{"type":"deploy-external","title":"t","colour":"red"}""", "Unknown field 'colour'")]
    [InlineData("""{"title":"t"}""", "type")]
    [InlineData("""{"type":"policy-change","title":"t","proposedCharter":"charter: x"}""", "not valid")]
    public async Task BadOpenRequest_IsABadRequest(string body, string expected)
    {
        await SetUpAsync();

        var detail = await RefusedAsync(() => Person("olga").PostAsync("/api/v1/decisions", new StringContent(body, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpeningForAnUnregisteredVersion_IsNotFound()
    {
        await SetUpAsync();

        var detail = await RefusedAsync(() => Person("olga").PostAsJsonAsync("/api/v1/decisions",
            new { type = "train", system = System, version = "9.9", title = "Train 9.9" }), HttpStatusCode.NotFound);

        Assert.Contains("No version atlas@9.9 is registered", detail);
    }

    [Theory]
    [InlineData("""{"verdict":"maybe","snapshotDigest":"0000000000000000000000000000000000000000000000000000000000000000"}""", "verdict must be")]
    [InlineData("""{"verdict":"approve","snapshotDigest":"abc"}""", "snapshotDigest must be")]
    [InlineData("""{"verdict":"approve"}""", "snapshotDigest")]
    [InlineData("""{"verdict":"approve-with-conditions","snapshotDigest":"0000000000000000000000000000000000000000000000000000000000000000","conditions":"a\u0001"}""", "control character")]
    public async Task BadSignOff_IsABadRequest(string body, string expected)
    {
        await SetUpAsync();
        var id = await OpenAsync();

        var detail = await RefusedAsync(() => Person("ada").PostAsync($"/api/v1/decisions/{id}/sign-offs", new StringContent(body, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task UnknownDecisions_AreNotFound_AndOversizedInputIsRefused()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Admin().GetAsync("/api/v1/decisions/dec-99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Admin().GetAsync("/api/v1/decisions/ev-1")).StatusCode);
        await RefusedAsync(() => Person("max").PostAsJsonAsync("/api/v1/decisions/dec-99999/dissent", new { statement = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, (await Factory.Admin().GetAsync("/api/v1/decisions?open=maybe")).StatusCode);

        Assert.Contains("at most 8000", await RefusedAsync(() => Person("max").PostAsJsonAsync($"/api/v1/decisions/{id}/dissent",
            new { statement = new string('a', 8001) }), HttpStatusCode.BadRequest));
        await RefusedAsync(() => Person("max").PostAsJsonAsync($"/api/v1/decisions/{id}/dissent",
            new { statement = new string('a', 70_000) }), HttpStatusCode.RequestEntityTooLarge);
    }
}

public sealed class DecisionAccessTestsOnSqlite : DecisionAccessTests
{
    protected override bool UsePostgres => false;
}

public sealed class DecisionAccessTestsOnPostgres : DecisionAccessTests
{
    protected override bool UsePostgres => true;
}
