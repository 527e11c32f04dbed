using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Vigie.Core.Governance;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>The scorecard and forecast pages in Chromium: derived levels, confirming with a rationale, the chart and the early warning.</summary>
public sealed class RiskBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A one-officer charter and the preparedness-style framework (once per server); the officer's token.</summary>
    private async Task<string> FrameworkAsync()
    {
        using var admin = Server.Api(Server.AdminToken);
        var officer = Unique("rso");
        var (token, _) = await Server.CreateUserAsync(officer, "safety-officer");
        if ((await admin.GetAsync("/api/v1/frameworks/current")).StatusCode == HttpStatusCode.OK)
        {
            return token;
        }

        var charter = new StringBuilder("charter: one-officer\nversion: 1\ntitle: One safety officer decides\nconflict-of-interest: { opener-recused: false }\ndecisions:\n");
        foreach (var type in DecisionTypes.All)
        {
            charter.Append("  ").Append(type).Append(": { stages: [ { name: officer, role: safety-officer, quorum: 1 of 1 } ] }\n");
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/charters", new { yaml = charter.ToString() })).StatusCode);
        using var rso = Server.Api(token);
        var yaml = File.ReadAllText(Repo("presets", "frameworks", "preparedness-style.yaml"));
        var proposed = JsonDocument.Parse(await (await rso.PostAsJsonAsync("/api/v1/frameworks/proposals", new { yaml })).Content.ReadAsStringAsync()).RootElement;
        var decision = proposed.GetProperty("decision").GetString();
        var detail = JsonDocument.Parse(await rso.GetStringAsync($"/api/v1/decisions/{decision}")).RootElement;
        var signed = await rso.PostAsJsonAsync($"/api/v1/decisions/{decision}/sign-offs",
            new { verdict = "approve", snapshotDigest = detail.GetProperty("snapshot").GetProperty("digest").GetString() });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        return token;
    }

    private static string Repo(params string[] path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
            {
                return Path.Combine([dir.FullName, .. path]);
            }
        }

        throw new DirectoryNotFoundException("The repository root is not above the test binaries.");
    }

    private async Task VersionWithResultsAsync(string system, string version, double flop, string ended, string csv)
    {
        using var admin = Server.Api(Server.AdminToken);
        if ((await admin.GetAsync($"/api/v1/systems/{system}")).StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/systems", new { name = system, owner = "Research" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions/{version}/training-runs",
            new { run = "pretrain", startedOn = ended, endedOn = ended, computeFlop = flop })).StatusCode);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var imported = await admin.PostAsync($"/api/v1/systems/{system}/versions/{version}/evaluations?name={version}.csv", content);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scorecard_ShowsDerivedLevels_AndAConfirmationWithItsRationale()
    {
        var token = await FrameworkAsync();
        var system = Unique("atlas");
        await VersionWithResultsAsync(system, "1.0", 3e24, "2026-01-01", "task,metric,value\ncybench,accuracy,0.31\nwmdp_bio,acc,0.62\n");
        await SignInAsync(token, $"/app/systems/{system}/versions/1.0/scorecard");

        var cyber = Page.Locator("#category-cybersecurity");
        await Assertions.Expect(cyber.Locator("td.derived")).ToContainTextAsync("High / High");
        await Assertions.Expect(cyber).ToContainTextAsync("within the safety margin");
        await Assertions.Expect(Page.Locator("#category-biological-chemical td.level").First).ToHaveTextAsync("Unknown");
        await Assertions.Expect(Page.Locator("#category-biological-chemical td.derived")).ToContainTextAsync("at least Medium");
        await Assertions.Expect(Page.Locator("#evaluations")).ToContainTextAsync("1.0.csv");

        // Without a rationale the confirmation is refused, and the page says why.
        await Page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("cybersecurity");
        await Page.GetByLabel("Level before mitigation").SelectOptionAsync("high");
        await Page.GetByLabel("Level after mitigation").SelectOptionAsync("medium");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#confirm-error")).ToContainTextAsync("written rationale");

        await Page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync("cybersecurity");
        await Page.GetByLabel("Level before mitigation").SelectOptionAsync("high");
        await Page.GetByLabel("Level after mitigation").SelectOptionAsync("medium");
        await Page.GetByLabel("Rationale (required: why this level, and what the mitigations achieve)").FillAsync("CTF transcripts reviewed; the exploit filter holds.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#recorded")).ToContainTextAsync("Recorded as log entry");
        await Assertions.Expect(cyber.Locator("td.level").Nth(1)).ToHaveTextAsync("Medium");
        await Assertions.Expect(cyber.Locator("td.derived")).ToContainTextAsync("High / High");
        await Assertions.Expect(cyber.Locator("td.confirmation")).ToContainTextAsync("CTF transcripts reviewed; the exploit filter holds.");
    }

    [Fact]
    public async Task TheSystemPage_ShowsTheForecastChart_AndTheEarlyWarningOnceAMoreCapableVersionArrives()
    {
        var token = await FrameworkAsync();
        var system = Unique("orion");
        var slow = new[] { (22.0, "2025-01-01"), (23.0, "2025-07-01"), (24.0, "2026-01-01") };
        for (var i = 0; i < slow.Length; i++)
        {
            var (x, ended) = slow[i];
            var score = 1 / (1 + Math.Exp(-(-4 + 0.2 * (x - 22))));
            await VersionWithResultsAsync(system, $"0.{i + 1}", Math.Pow(10, x), ended, $"task,metric,value\ncybench,accuracy,{score:R}\n");
        }

        await SignInAsync(token, $"/app/systems/{system}");
        var chart = Page.Locator("#forecast-chart");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var svg = await Page.APIRequest.GetAsync(Server.BaseUrl + await chart.GetAttributeAsync("src"));
        Assert.True(svg.Ok, $"{svg.Status}: {await svg.TextAsync()}");
        Assert.StartsWith("image/svg+xml", svg.Headers["content-type"]);
        await Page.WaitForFunctionAsync("() => { const i = document.querySelector('#forecast-chart'); return i.complete && i.naturalWidth > 0; }");
        await Assertions.Expect(Page.Locator("#alerts")).ToHaveCountAsync(0);

        await VersionWithResultsAsync(system, "0.4", 2e24, "2026-06-01", "task,metric,value\ncybench,accuracy,0.12\n");
        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator("#alerts")).ToContainTextAsync("cybench / accuracy toward cybersecurity 'high' (on 0.4");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Every tracked metric" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#forecast-cybench---accuracy p[role='alert']")).ToContainTextAsync("EARLY WARNING");
        await Assertions.Expect(Page.Locator("#forecast-wmdp-bio---acc")).ToContainTextAsync("No version has a result");
    }
}
