using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>The incident dashboard in Chromium: what is due next and overdue, the incident page, a report recorded from it, the register form.</summary>
public sealed class IncidentBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private static string Day(int fromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<string> OpenAsync(object body)
    {
        using var admin = Server.Api(Server.AdminToken);
        var response = await admin.PostAsJsonAsync("/api/v1/incidents", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("incident").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Dashboard_ShowsAnOverdueReport_AndRecordingItFromTheIncidentPage_MarksItLate()
    {
        var title = Unique("Weights accessed");
        var id = await OpenAsync(new { title, discovered = Day(-20), regimes = new[] { "sb53" } });
        var (token, _) = await Server.CreateUserAsync(Unique("sam"), "safety-officer");
        await SignInAsync(token, "/app/incidents");
        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + "/app/incidents");

        var row = Page.Locator($"#due tr[data-incident='{id}'][data-obligation='sb53/oes-report']");
        await Assertions.Expect(row).ToContainTextAsync($"{Day(-5)} (end of day, UTC)");
        await Assertions.Expect(row.Locator("td.status-overdue")).ToHaveTextAsync("overdue");
        await Assertions.Expect(row).ToContainTextAsync("§22757.13");
        await Assertions.Expect(Page.Locator("#overdue-count")).Not.ToHaveTextAsync("0");

        await row.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + $"/app/incidents/{id}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var markdown = await Page.APIRequest.GetAsync(await Page.Locator("li[data-regime='sb53'] a", new() { HasText = "Markdown" }).GetAttributeAsync("href") ?? "");
        Assert.True(markdown.Ok);
        Assert.StartsWith($"# Initial report — {id}: {title}", await markdown.TextAsync());

        await Page.GetByLabel("Reference given by the authority").FillAsync("OES-42");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#recorded")).ToContainTextAsync("Recorded as log entry");
        await Assertions.Expect(Page.Locator("#deadlines tr[data-obligation='sb53/oes-report'] td").Nth(1)).ToContainTextAsync("met-late");
        await Assertions.Expect(Page.Locator("#submissions")).ToContainTextAsync("OES-42");

        await Page.GotoAsync("/app/incidents");
        await Assertions.Expect(Page.Locator($"#due tr[data-incident='{id}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RegisterForm_OpensAnIncident_AndShowsItsDeadlines()
    {
        var (token, _) = await Server.CreateUserAsync(Unique("mia"), "member");
        await SignInAsync(token, "/app/incidents/new");
        var title = Unique("Data centre outage caused by agent");
        await Page.GetByLabel("Title (what happened, in one line)").FillAsync(title);
        await Page.GetByLabel("Discovered (YYYY-MM-DD, or 2026-04-01T09:30:00Z)").FillAsync(Day(-1));
        await Page.GetByLabel("Category (the most severe that fits)").SelectOptionAsync("critical-infrastructure");
        await Page.GetByLabel("EU AI Act Art. 73 (serious incidents of high-risk AI systems)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#recorded")).ToContainTextAsync("Recorded as log entry");
        await Assertions.Expect(Page.Locator("#severity")).ToHaveTextAsync("critical");
        var deadline = Page.Locator("#deadlines tr[data-obligation='eu-ai-act-art73/report']");
        await Assertions.Expect(deadline).ToContainTextAsync($"{Day(1)} (end of day, UTC)");
        await Assertions.Expect(deadline).ToContainTextAsync("Art. 73(3)");
    }
}
