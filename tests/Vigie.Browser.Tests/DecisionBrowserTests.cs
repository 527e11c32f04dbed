using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>The decision page in Chromium: signing in the right role, the refusal for the wrong one, dissent, staleness.</summary>
public sealed class DecisionBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static string Preset(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "presets", "charters", file));
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    /// <summary>The preset charter (once per server), a fresh public system version with evidence, and an open deploy-external decision.</summary>
    private async Task<(string Decision, string System)> OpenDecisionAsync()
    {
        using var admin = Server.Api(Server.AdminToken);
        if ((await admin.GetAsync("/api/v1/charters/current")).StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/charters", new { yaml = Preset("preparedness-style.yaml") })).StatusCode);
        }

        var system = Unique("atlas");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/systems", new { name = system, owner = "Research", purpose = "Assistant", visibility = "public" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions", new { version = "1.0", visibility = "public" })).StatusCode);
        await RecordEvidenceAsync(admin, system, "eval-bio.json");
        var opened = await admin.PostAsJsonAsync("/api/v1/decisions", new { type = "deploy-external", system, version = "1.0", title = $"Ship {system} 1.0" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!, system);
    }

    private static async Task RecordEvidenceAsync(HttpClient admin, string system, string name)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var response = await admin.PostAsJsonAsync("/api/v1/evidence", new { sha256, name, subject = $"{system}@1.0", visibility = "public" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task SignInAsAsync(string role, string name, string decision)
    {
        var (token, _) = await Server.CreateUserAsync(name, role);
        await SignInAsync(token, $"/app/decisions/{decision}");
        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + $"/app/decisions/{decision}");
    }

    [Fact]
    public async Task SigningInTheRightRole_IsRecorded_AndShownInTheSignOffs()
    {
        var (decision, _) = await OpenDecisionAsync();
        var ada = Unique("ada");
        await SignInAsAsync("advisory-group", ada, decision);

        await Page.GetByLabel("Approve with conditions").CheckAsync();
        await Page.GetByLabel("Conditions (for an approval with conditions)").FillAsync("Staged rollout, 1% first.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.Locator("#recorded")).ToContainTextAsync("Recorded as log entry");
        var row = Page.Locator($"#sign-offs tr[data-signer='{ada}']");
        await Assertions.Expect(row).ToContainTextAsync("approve-with-conditions");
        await Assertions.Expect(row).ToContainTextAsync("Conditions: Staged rollout, 1% first.");
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync("yes");
        await Assertions.Expect(Page.Locator("#stages tr.current")).ToContainTextAsync("safety-advisory-group");
    }

    [Fact]
    public async Task SigningInTheWrongRole_ShowsTheRefusalAndItsReason()
    {
        var (decision, _) = await OpenDecisionAsync();
        await SignInAsAsync("executive", Unique("eve"), decision);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();

        var alert = Page.Locator("#sign-error");
        await Assertions.Expect(alert).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(alert).ToContainTextAsync("signs only after stage 'safety-advisory-group' (advisory-group) reaches its quorum of 2 of 3");
        await Assertions.Expect(Page.Locator("#no-sign-offs")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RecordingADissent_ListsItOnTheDecision()
    {
        var (decision, _) = await OpenDecisionAsync();
        var max = Unique("max");
        await SignInAsAsync("member", max, decision);

        await Page.GetByLabel("Statement").FillAsync("The bio evaluation used last year's question set.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record dissent" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#recorded")).ToBeVisibleAsync();
        var listed = Page.Locator("#dissent li");
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed).ToContainTextAsync(max);
        await Assertions.Expect(listed).ToContainTextAsync("The bio evaluation used last year's question set.");
        await Assertions.Expect(Page.Locator("#timeline")).ToContainTextAsync($"{max}: dissent");
    }

    [Fact]
    public async Task NewEvidence_MarksEarlierSignOffsStale_OnThePage()
    {
        var (decision, system) = await OpenDecisionAsync();
        var ada = Unique("ada");
        await SignInAsAsync("advisory-group", ada, decision);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#recorded")).ToBeVisibleAsync();
        var digest = await Page.Locator("#snapshot-digest").TextContentAsync();

        using (var admin = Server.Api(Server.AdminToken))
        {
            await RecordEvidenceAsync(admin, system, "eval-bio-rerun.json");
        }

        // the server rebinds the decision to the new evidence just after the evidence is recorded
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await Page.Locator($"#sign-offs tr.stale[data-signer='{ada}']").CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The sign-off was not marked stale on the page.");
            await Task.Delay(100);
            await Page.ReloadAsync();
        }

        Assert.NotEqual(digest, await Page.Locator("#snapshot-digest").TextContentAsync());
        await Assertions.Expect(Page.Locator($"#sign-offs tr[data-signer='{ada}'] td").Last).ToContainTextAsync("no, stale: the evidence changed");
        await Assertions.Expect(Page.Locator("#snapshot tbody tr")).ToHaveCountAsync(2);
    }
}
