using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Decisions;

/// <summary>The decision pages without a browser: what they show, and their sign and dissent forms.</summary>
public abstract class DecisionPagesTests : DecisionTest
{
    private async Task<PageClient> SignedInAsync(string person)
    {
        var token = (await ReadJsonAsync(await Factory.Admin().PostAsync($"/api/v1/users/{person}/tokens",
            JsonContent.Create(new { label = "page test" })))).GetProperty("token").GetString()!;
        var page = new PageClient(Factory);
        await page.SignInOkAsync(token);
        return page;
    }

    [Fact]
    public async Task DecisionPage_ShowsStagesSignOffsDissentAndTheSnapshotWithVerifiedInclusion()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        await SignOkAsync(id, "ada");
        await PostAsync(Person("max"), $"/api/v1/decisions/{id}/dissent", new { statement = "Evaluate <script> handling first." }, HttpStatusCode.Created);
        await CheckpointCoveringAsync(Factory.Admin(), TreeSize, within: TimeSpan.FromSeconds(10)); // waiting, not timing the signer
        using var page = await SignedInAsync("eve");

        var raw = await (await page.GetAsync($"/app/decisions/{id}")).Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);

        Assert.Contains("deploy-external atlas 1.0", html);
        Assert.Contains("waiting for stage safety-advisory-group", html);
        Assert.Contains("data-signer=\"ada\"", html);
        Assert.Contains("Evaluate &lt;script&gt; handling first.", raw); // text is escaped, never markup
        Assert.Contains("eval-cyber.json", html);
        Assert.Contains("✓ included in the signed checkpoint of", html);
        Assert.Contains("/api/v1/log/proofs/inclusion?index=", html);
        Assert.Contains("id=\"sign-form\"", html);
    }

    [Fact]
    public async Task SignForm_WrongRoleShowsTheReason_RightRoleIsRecorded()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        var digest = await DigestAsync(id);
        var url = $"/app/decisions/{id}";
        var fields = new Dictionary<string, string> { ["Sign.Verdict"] = "approve", ["Sign.SnapshotDigest"] = digest, ["Sign.Comment"] = "From the page." };

        using (var eve = await SignedInAsync("eve"))
        {
            var refused = await eve.SubmitFormAsync(url, "sign", fields);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("signs only after stage &#x27;safety-advisory-group&#x27;", await refused.Content.ReadAsStringAsync());
        }

        using var ada = await SignedInAsync("ada");
        var signed = await ada.SubmitFormAsync(url, "sign", fields);
        Assert.Equal(HttpStatusCode.Found, signed.StatusCode);
        Assert.Matches($"/app/decisions/{id}\\?recorded=\\d+$", signed.Headers.Location!.OriginalString);
        var decision = await GetAsync(id);
        Assert.Equal(["ada:counting"], SignOffStatuses(decision));
        Assert.Equal("From the page.", decision.GetProperty("signOffs")[0].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task DissentForm_RecordsAConfidentialDissent_AndAnEmptyOneIsRefused()
    {
        await SetUpAsync();
        var id = await OpenAsync();
        using var max = await SignedInAsync("max");

        var empty = await max.SubmitFormAsync($"/app/decisions/{id}", "dissent", [new("Dissent.Statement", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var recorded = await max.SubmitFormAsync($"/app/decisions/{id}", "dissent",
            [new("Dissent.Statement", "Partner data was used."), new("Dissent.ConfidentialReason", "Names a partner.")]);
        Assert.Equal(HttpStatusCode.Found, recorded.StatusCode);

        var dissent = Assert.Single((await GetAsync(id, Factory.CreateClient())).GetProperty("dissent").EnumerateArray());
        Assert.Equal("Names a partner.", dissent.GetProperty("confidentialReason").GetString());
        Assert.True(dissent.GetProperty("statementWithheld").GetBoolean());
    }

    [Fact]
    public async Task DecisionsPage_ListsAndFilters_AndAnUnknownDecisionIsNotFound()
    {
        await SetUpAsync();
        var first = await OpenAsync();
        var second = await OpenAsync("alias-move");
        await SignOkAsync(second, "eve");
        using var page = await SignedInAsync("max");

        var all = await (await page.GetAsync("/app/decisions")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/app/decisions/{first}\"", all);
        Assert.Contains($"href=\"/app/decisions/{second}\"", all);
        var open = await (await page.GetAsync("/app/decisions?open=true&system=atlas")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/app/decisions/{first}\"", open);
        Assert.DoesNotContain($"href=\"/app/decisions/{second}\"", open);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/app/decisions/dec-424242")).StatusCode);
    }
}

public sealed class DecisionPagesTestsOnSqlite : DecisionPagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class DecisionPagesTestsOnPostgres : DecisionPagesTests
{
    protected override bool UsePostgres => true;
}
