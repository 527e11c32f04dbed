using System.Net;
using System.Net.Http.Json;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Gate;

/// <summary>The policy, gate result and waiver pages without a browser: what they show, to whom.</summary>
public abstract class GatePagesTests : GateTest
{
    private async Task<PageClient> SignedInAsync(string person)
    {
        var token = (await ReadJsonAsync(await App.Admin().PostAsync($"/api/v1/users/{person}/tokens",
            JsonContent.Create(new { label = "page test" })))).GetProperty("token").GetString()!;
        var page = new PageClient(App);
        await page.SignInOkAsync(token);
        return page;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PolicyPages_ShowTheActiveTextVersionHistoryDiffsAndOpenProposals()
    {
        await SetUpAsync();
        using var page = await SignedInAsync("max");
        Assert.Contains("No policy is active yet", await HtmlAsync(await page.GetAsync("/app/policy")));

        var first = await ActivateAsync(TestPolicy());
        var second = await ActivateAsync(TestPolicy(2).Replace("severity: warn", "severity: block", StringComparison.Ordinal));
        var proposal = (await PostAsync(Person("max"), "/api/v1/policies", new { text = TestPolicy(3) + "  # a comment\n" }, HttpStatusCode.Created))
            .GetProperty("decision").GetProperty("id").GetString()!;

        var html = await HtmlAsync(await page.GetAsync("/app/policy"));
        Assert.Contains("test-gate@2 — The gate under test", html);
        Assert.Contains($"href=\"/app/decisions/{second}\"", html);
        Assert.Contains("Replaces</dt><dd>test-gate@1", html);
        Assert.Contains("<code>card-present</code>", html);
        Assert.Contains("name: test-gate", html); // the text
        Assert.Contains($"href=\"/app/policy/proposals/{proposal}\">test-gate@3", html);
        Assert.Contains("changed card-present (severity)", html);
        Assert.Contains($"href=\"/app/decisions/{first}\"", html);

        var history = await ReadJsonAsync(await App.CreateClient().GetAsync("/api/v1/policies"));
        var version = await HtmlAsync(await page.GetAsync($"/app/policy/{history[0].GetProperty("index").GetInt64()}"));
        Assert.Contains("<span class=\"diff-del\"><span class=\"visually-hidden\">removed: </span>-    severity: warn", version);
        Assert.Contains("<span class=\"diff-add\"><span class=\"visually-hidden\">added: </span>+    severity: block", version);

        var decisionPage = await HtmlAsync(await page.GetAsync($"/app/decisions/{proposal}"));
        Assert.Contains("Proposes policy <strong>test-gate@3</strong>", decisionPage);
        Assert.Contains($"href=\"/app/policy/proposals/{proposal}\"", decisionPage);

        var proposed = await HtmlAsync(await page.GetAsync($"/app/policy/proposals/{proposal}"));
        Assert.Contains("Proposed: test-gate@3", proposed);
        Assert.Contains("Amends</dt><dd>test-gate@2", proposed);
        Assert.Contains("+  # a comment", proposed);
        Assert.Contains("No policy proposal dec-999", await HtmlAsync(await page.GetAsync("/app/policy/proposals/dec-999")));
    }

    [Fact]
    public async Task GateResultsAndWaiverPages_ShowEvaluations_AndWaiversWithTheirReasons_PublicOnesToAnyone()
    {
        await SetUpAsync();
        await ActivateAsync(TestPolicy());
        await CheckOkAsync();
        var expires = DateTimeOffset.UtcNow.AddDays(20).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);
        var waiver = (await PostAsync(Person("max"), "/api/v1/waivers", new
        {
            system = System, version = Version, action = "deploy-external", ruleId = "card-present",
            reason = "The card is being <b>translated</b>; the English one is on the intranet.", expiresAt = expires,
        }, HttpStatusCode.Created)).GetProperty("decision").GetProperty("id").GetString()!;
        await PostAsync(App.Admin(), "/api/v1/systems", new { name = "secret", owner = "Lab", visibility = "internal" }, HttpStatusCode.Created);
        await PostAsync(App.Admin(), "/api/v1/systems/secret/versions", new { version = "0.1", visibility = "internal" }, HttpStatusCode.Created);
        await PostAsync(Person("max"), "/api/v1/waivers", new { system = "secret", version = "0.1", action = "deploy-internal", ruleId = "approved-decision", reason = "Internal canary.", expiresAt = expires }, HttpStatusCode.Created);
        await ApproveAsync();
        foreach (var who in new[] { "ada", "bea", "eve" })
        {
            await SignOkAsync(waiver, who);
        }

        await CheckOkAsync();
        using var page = await SignedInAsync("max");
        var checks = await HtmlAsync(await page.GetAsync($"/app/systems/{System}/versions/{Version}/gate"));
        Assert.Contains("<strong>deny</strong>", checks);
        Assert.Contains("<strong>allow-with-warnings</strong>", checks);
        Assert.Contains("approved-decision (fail), card-present (fail)", checks);
        Assert.Contains("card-present (waived)", checks);

        // The public page: no sign-in, the public waiver with its reason (escaped), never the internal one.
        var raw = await (await App.CreateClient().GetAsync("/waivers")).Content.ReadAsStringAsync();
        Assert.Contains("The card is being &lt;b&gt;translated&lt;/b&gt;", raw);
        Assert.Contains("in-force", raw);
        Assert.DoesNotContain("Internal canary", raw);
        Assert.DoesNotContain("secret@0.1", raw);

        Assert.Contains("Proposes to waive rule <code>card-present</code> of test-gate@1 for atlas@1.0", WebUtility.HtmlDecode(
            await (await page.GetAsync($"/app/decisions/{waiver}")).Content.ReadAsStringAsync()));

        var workspace = await HtmlAsync(await page.GetAsync("/app/waivers"));
        Assert.Contains("Internal canary.", workspace);
        Assert.Contains("pending", workspace);
        Assert.Equal(HttpStatusCode.Redirect, (await new PageClient(App).GetAsync("/app/waivers")).StatusCode);
    }
}

public sealed class GatePagesTestsOnSqlite : GatePagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class GatePagesTestsOnPostgres : GatePagesTests
{
    protected override bool UsePostgres => true;
}
