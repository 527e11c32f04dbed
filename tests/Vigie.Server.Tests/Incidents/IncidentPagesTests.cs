using System.Net;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Incidents;

/// <summary>The workspace's incident pages without a browser: the dashboard on a fake clock, the incident page, its forms and downloads.</summary>
public abstract class IncidentPagesTests : IncidentTest
{
    /// <summary>
    /// The fake clock starts a month from today: a session cookie's expiry comes from the server's
    /// (fake) clock, and the HTTP client drops a cookie that expired by the real one.
    /// </summary>
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private static string Day(int days) => Start.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset At(int days, int hour) => new(Start.AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private async Task<PageClient> SignedInAsync(params string[] roles) => await SignedInAsAsync("pat", roles);

    private async Task<PageClient> SignedInAsAsync(string name, params string[] roles)
    {
        var page = new PageClient(Factory);
        await page.SignInOkAsync(await CreateUserAsync(Factory.Admin(), name, roles));
        return page;
    }

    [Fact]
    public async Task Dashboard_ShowsWhatIsDueNext_AndALapsedClockAsOverdue()
    {
        await StartAsync(At(0, 12));
        var id = Text(await OpenAsync(new { title = "Weights <accessed>", discovered = Day(0), regimes = new[] { "sb53" } }), "id");
        await OpenAsync(new { title = "Jailbreak caught", discovered = Day(0), category = "near-miss" });
        using var page = await SignedInAsync("member");

        var raw = await (await page.GetAsync("/app/incidents")).Content.ReadAsStringAsync();
        Assert.Contains("Weights &lt;accessed&gt;", raw);
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains($"data-obligation=\"sb53/oes-report\" data-incident=\"{id}\"", html);
        Assert.Contains($"{Day(15)} (end of day, UTC)", html);
        Assert.Contains("§22757.13", html);
        Assert.Contains("<strong>2</strong> open incident(s), <strong>1</strong> report(s) owed", html);
        Assert.Matches("id=\"overdue-count\">0<", html);

        Clock.SetUtcNow(At(16, 8));
        using var later = await SignedInAsAsync("quinn", "member"); // sessions end long before 16 days
        html = WebUtility.HtmlDecode(await (await later.GetAsync("/app/incidents")).Content.ReadAsStringAsync());
        Assert.Contains("class=\"deadline-overdue\"", html);
        Assert.Matches("class=\"status-overdue\" id=\"overdue-count\">1<", html);
        Assert.Contains("Jailbreak caught", html);
        Assert.Contains("<span class=\"muted\">nothing</span>", html);
    }

    [Fact]
    public async Task IncidentPage_ShowsDeadlinesWithTheirArticle_DraftLinks_AndRecordsAReportSent()
    {
        await StartAsync(At(1, 10));
        var id = Text(await OpenAsync(new { title = "Grid disruption", discovered = Day(0), category = "critical-infrastructure", regimes = new[] { "eu-ai-act-art73" } }), "id");
        using var page = await SignedInAsync("member", "safety-officer");
        var html = WebUtility.HtmlDecode(await (await page.GetAsync($"/app/incidents/{id}")).Content.ReadAsStringAsync());
        Assert.Contains($"{Day(2)} (end of day, UTC)", html);
        Assert.Contains("Art. 73(3)", html);
        Assert.Contains($"href=\"/app/incidents/{id}/reports/eu-ai-act-art73?format=markdown\"", html);

        var markdown = await page.GetAsync($"/app/incidents/{id}/reports/eu-ai-act-art73?format=markdown");
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.StartsWith($"# Initial report — {id}: Grid disruption", await markdown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Found, (await new PageClient(Factory).GetAsync($"/app/incidents/{id}/reports/eu-ai-act-art73")).StatusCode); // not signed in

        var refused = await page.SubmitFormAsync($"/app/incidents/{id}", "submit",
            new Dictionary<string, string> { ["Sent.Regime"] = "eu-ai-act-art73", ["Sent.SubmittedAt"] = Day(20) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is in the future", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var sent = await page.SubmitFormAsync($"/app/incidents/{id}", "submit",
            new Dictionary<string, string> { ["Sent.Regime"] = "eu-ai-act-art73", ["Sent.Reference"] = "MSA-1" });
        Assert.Equal(HttpStatusCode.Found, sent.StatusCode);
        Assert.Equal("met-on-time", Text(Deadlines(await DetailAsync(id))["eu-ai-act-art73/report"], "status"));
        Assert.Equal("pat", Text((await DetailAsync(id)).GetProperty("submissions")[0], "recordedBy"));
    }

    [Fact]
    public async Task NewIncidentForm_Registers_OrSaysWhatIsWrong()
    {
        await StartAsync(At(1, 10));
        using var page = await SignedInAsync("member");
        var size = TreeSize;
        var bad = await page.SubmitFormAsync("/app/incidents/new", "open",
            new Dictionary<string, string> { ["Form.Title"] = "T", ["Form.Discovered"] = "yesterday" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a date (YYYY-MM-DD)", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(size, TreeSize);

        var made = await page.SubmitFormAsync("/app/incidents/new", "open", new Dictionary<string, string>
        {
            ["Form.Title"] = "Model exfiltrated its weights", ["Form.Discovered"] = Day(0), ["Form.Category"] = "cybersecurity",
            ["Form.Regimes"] = "gpai-cop", ["Form.Harm"] = "Weights on an unknown host", ["Form.Confidential"] = "true",
        });
        Assert.Equal(HttpStatusCode.Found, made.StatusCode);
        var id = System.Text.RegularExpressions.Regex.Match(made.Headers.Location!.OriginalString, @"/app/incidents/(inc-\d+)\?recorded=").Groups[1].Value;
        var incident = await DetailAsync(id);
        Assert.Equal("confidential", Text(incident, "visibility"));
        Assert.Equal("pat", Text(incident, "openedBy"));
        Assert.Equal(Day(5), Text(Deadlines(incident)["gpai-cop/initial-report"], "dueDate"));
    }
}

public sealed class IncidentPagesTestsOnSqlite : IncidentPagesTests
{
    protected override bool UsePostgres => false;
}

public sealed class IncidentPagesTestsOnPostgres : IncidentPagesTests
{
    protected override bool UsePostgres => true;
}
