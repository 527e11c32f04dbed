using System.Text.Json;
using Vigie.Server.Tests.Incidents;
using Xunit;

namespace Vigie.Server.Tests.Portal;

/// <summary>Incidents (issue 7) on the portal: counted by category, never described.</summary>
public abstract class PortalIncidentTests : IncidentTest
{
    [Fact]
    public async Task Incidents_AreCountedByCategory_InTheStatisticsAndTheReport_WithoutAWordOfWhatHappened()
    {
        await StartAsync(new DateTimeOffset(2026, 5, 5, 10, 0, 0, TimeSpan.Zero));
        var admin = Factory.Admin();
        var death = await OpenAsync(new { title = "Fatal advice given by the assistant", discovered = "2026-05-04", category = "death", visibility = "confidential", regimes = new[] { "sb53" } });
        var leak = await OpenAsync(new { title = "Weights copied to a personal bucket", discovered = "2026-05-04", category = "cybersecurity" });
        await OpenAsync(new { title = "Second exfiltration attempt", discovered = "2026-05-05", category = "cybersecurity" });
        await OpenAsync(new { title = "Eval harness nearly shipped", discovered = "2026-05-05", category = "near-miss" });
        await PostAsync(admin, $"/api/v1/incidents/{Text(leak, "id")}/resolution", new { resolution = "Bucket deleted, keys rotated." });
        await PostAsync(admin, $"/api/v1/incidents/{Text(death, "id")}/submissions", new { regime = "sb53", reference = "OES-2026-7" });
        var submission = TreeSize - 1;
        await CheckpointCoveringAsync(Factory.CreateClient(), TreeSize, TimeSpan.FromSeconds(5));

        var figures = await FiguresAsync("");
        Assert.Equal(4, figures["recorded"].GetProperty("value").GetDouble());
        Assert.Equal(4, figures["recorded"].GetProperty("entries").GetArrayLength());
        Assert.Equal(1, figures["category-death"].GetProperty("value").GetDouble());
        Assert.Equal(2, figures["category-cybersecurity"].GetProperty("value").GetDouble());
        Assert.Equal(1, figures["category-near-miss"].GetProperty("value").GetDouble());
        Assert.Equal(0, figures["category-critical-infrastructure"].GetProperty("value").GetDouble());
        Assert.Equal(0, figures["category-death"].GetProperty("entries").GetArrayLength()); // a category is never linked to a withheld entry
        Assert.Equal(1, figures["resolved"].GetProperty("value").GetDouble());
        Assert.Equal(3, figures["open"].GetProperty("value").GetDouble());
        Assert.Equal([submission], figures["reports-sent"].GetProperty("entries").EnumerateArray().Select(e => e.GetInt64()));
        var sent = await ReadJsonAsync(await admin.GetAsync($"/api/v1/log/entries/{submission}"));
        Assert.Equal("incident.submitted/v1", sent.GetProperty("envelope").GetProperty("kind").GetString());

        var outside = await FiguresAsync("?from=2026-06-01");
        Assert.Equal(0, outside["recorded"].GetProperty("value").GetDouble());

        var page = await Factory.CreateClient().GetStringAsync("/statistics");
        Assert.Contains("Disruption of critical infrastructure", page);
        var report = await Factory.CreateClient().GetStringAsync("/reports/transparency.md");
        Assert.Contains("| Incidents | Value | Source | Log |", report);
        Assert.Contains("| of which: Death of a person | 1 |", report);
        Assert.Contains("**Incidents recorded, by category** (incidents)", report);
        Assert.Contains("| Serious cybersecurity breach, weights exfiltration included | 2 |", report);
        foreach (var text in new[] { page, report })
        {
            Assert.DoesNotContain("Fatal advice", text);
            Assert.DoesNotContain("bucket", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<Dictionary<string, JsonElement>> FiguresAsync(string query)
    {
        var json = await ReadJsonAsync(await Factory.CreateClient().GetAsync("/api/v1/portal/statistics" + query));
        return json.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "incidents")
            .GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
    }
}

public sealed class PortalIncidentTestsOnSqlite : PortalIncidentTests
{
    protected override bool UsePostgres => false;
}

public sealed class PortalIncidentTestsOnPostgres : PortalIncidentTests
{
    protected override bool UsePostgres => true;
}
