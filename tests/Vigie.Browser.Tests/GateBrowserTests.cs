using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>The policy and waiver pages in Chromium: the active policy and its diff, a waiver decided on its decision page, the public list.</summary>
public sealed class GateBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task ThePolicyAndItsDiff_AWaiverSignedOnItsDecisionPage_AndThePublicWaiverList()
    {
        using var admin = Server.Api(Server.AdminToken);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/charters", new { yaml = File.ReadAllText(Repo("presets", "charters", "preparedness-style.yaml")) })).StatusCode);
        var people = new Dictionary<string, HttpClient>();
        foreach (var (name, role) in new[] { ("ada", "advisory-group"), ("bea", "advisory-group"), ("eve", "executive"), ("max", "member") })
        {
            people[name] = Server.Api((await Server.CreateUserAsync(name, role)).Token);
        }

        var baseline = File.ReadAllText(Repo("presets", "policies", "regulatory-baseline.yaml"));
        foreach (var text in new[] { baseline, baseline.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("severity: warn", "severity: block", StringComparison.Ordinal) })
        {
            var id = (await PostOkAsync(people["max"], "/api/v1/policies", new { text })).GetProperty("decision").GetProperty("id").GetString()!;
            foreach (var who in new[] { "ada", "bea", "eve" })
            {
                var digest = (await PostOkAsync(people[who], $"/api/v1/decisions/{id}/sign-offs", new { verdict = "approve", snapshotDigest = await DigestAsync(admin, id) })).GetProperty("index");
                Assert.True(digest.GetInt64() > 0);
            }
        }

        await PostOkAsync(admin, "/api/v1/systems", new { name = "atlas", owner = "Research", visibility = "public" });
        await PostOkAsync(admin, "/api/v1/systems/atlas/versions", new { version = "1.0", visibility = "public" });
        var expires = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var waiver = (await PostOkAsync(people["max"], "/api/v1/waivers", new
        {
            system = "atlas", version = "1.0", action = "deploy-internal", ruleId = "incidents-tracked",
            reason = "Incident tracking moves to Vigie next month; until then the ops tracker is the record.", expiresAt = expires,
        })).GetProperty("decision").GetProperty("id").GetString()!;
        foreach (var who in new[] { "ada", "bea" })
        {
            await PostOkAsync(people[who], $"/api/v1/decisions/{waiver}/sign-offs", new { verdict = "approve", snapshotDigest = await DigestAsync(admin, waiver) });
        }

        // The executive decides the waiver on its decision page.
        var (eve, _) = await Server.CreateUserAsync("eve-browser", "executive");
        await SignInAsync(eve, $"/app/decisions/{waiver}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#recorded")).ToContainTextAsync("Recorded as log entry");

        // The policy page, from the workspace menu: version 2 active, its rules, its history and diff.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Policy", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#active-policy")).ToContainTextAsync("regulatory-baseline@2");
        await Assertions.Expect(Page.Locator("#rules")).ToContainTextAsync("eu-systemic-risk-notification");
        await Assertions.Expect(Page.Locator("#rules a[href='https://eur-lex.europa.eu/eli/reg/2024/1689/oj']").First).ToBeVisibleAsync(); // the text a rule implements
        await Page.GetByText("The policy text (YAML, exactly as approved)").ClickAsync();
        await Assertions.Expect(Page.Locator("#policy-text")).ToContainTextAsync("version: 2");
        await Page.Locator("#policy-history").GetByRole(AriaRole.Link, new() { Name = "regulatory-baseline@2" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#rule-changes")).ToContainTextAsync("changed training-compute-recorded (severity)");
        await Assertions.Expect(Page.Locator("pre.policy-diff .diff-add", new() { HasText = "severity: block" })).ToHaveCountAsync(2); // both warn rules became block
        await Assertions.Expect(Page.Locator("pre.policy-diff .diff-del", new() { HasText = "severity: warn" })).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("pre.policy-diff .diff-add").First).ToContainTextAsync("+  version: 2");

        // The public list, as anyone sees it.
        await Page.GotoAsync(Server.BaseUrl + "/waivers");
        var row = Page.Locator("#waivers tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("incidents-tracked");
        await Assertions.Expect(row).ToContainTextAsync("in-force");
        await Assertions.Expect(row).ToContainTextAsync("Incident tracking moves to Vigie next month");

        // A proposal awaiting its decision: signers read what it would change before they sign.
        var v3 = baseline.Replace("version: 1", "version: 3", StringComparison.Ordinal);
        var proposal = (await PostOkAsync(people["max"], "/api/v1/policies", new { text = v3 })).GetProperty("decision").GetProperty("id").GetString()!;
        await Page.GotoAsync(Server.BaseUrl + "/app/policy");
        await Page.Locator("#proposals").GetByRole(AriaRole.Link, new() { Name = "regulatory-baseline@3" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Proposed: regulatory-baseline@3");
        await Assertions.Expect(Page.Locator("#rule-changes")).ToContainTextAsync("changed training-compute-recorded (severity)");
        await Assertions.Expect(Page.Locator("pre.policy-diff .diff-add", new() { HasText = "severity: warn" })).ToHaveCountAsync(2);
        await Page.GetByRole(AriaRole.Link, new() { Name = proposal, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#proposal")).ToContainTextAsync("Proposes policy regulatory-baseline@3");

        // The gate's results for the version, reached from its page: the deny and the rules that failed.
        var check = await PostOkAsync(people["max"], "/api/v1/gate/check", new { system = "atlas", version = "1.0", action = "deploy-internal" });
        Assert.Equal("deny", check.GetProperty("result").GetString());
        await Page.GotoAsync(Server.BaseUrl + "/app/systems/atlas/versions/1.0");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Release gate results" }).ClickAsync();
        var result = Page.Locator("#gate-checks tbody tr").First;
        await Assertions.Expect(result).ToContainTextAsync("deploy-internal");
        await Assertions.Expect(result).ToContainTextAsync("deny");
        await Assertions.Expect(result).ToContainTextAsync("regulatory-baseline@2");
        await Assertions.Expect(result).ToContainTextAsync("approved-decision (fail)");
        await Assertions.Expect(result.GetByRole(AriaRole.Link, new() { Name = check.GetProperty("index").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToBeVisibleAsync();
    }

    private static async Task<string> DigestAsync(HttpClient admin, string decision) =>
        JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/decisions/{decision}")).RootElement.GetProperty("snapshot").GetProperty("digest").GetString()!;
}
