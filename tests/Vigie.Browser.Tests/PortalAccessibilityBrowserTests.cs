using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>The public portal against an outside accessibility checker.</summary>
public sealed class PortalAccessibilityBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    /// <summary>
    /// axe-core (Deque's engine, not our own judgement) finds no WCAG 2.1 A/AA violation —
    /// contrast, labels, names, landmarks — and no best-practice one on any public page, in a
    /// desktop and a phone viewport. The markup does not depend on the database, so this runs on one.
    /// </summary>
    [Fact]
    public async Task EveryPortalPage_PassesAxe_ContrastLabelsAndLandmarks()
    {
        var seeded = await PortalSeed.SeedAsync(Server);
        await WaitForPortalAsync(seeded.PublicDissentIndex + 2);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        };
        var pages = new[]
        {
            "/", "/decisions", $"/decisions/{seeded.Decision}", $"/systems/{seeded.System}", "/statistics", "/documents", "/withheld", "/verify",
            $"/entries/{seeded.PublicDissentIndex}", $"/entries/{seeded.PublicDissentIndex + 1}", "/log",
        };
        var found = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            foreach (var path in pages)
            {
                await Page.GotoAsync(path);
                var results = await Page.RunAxe(options);
                Assert.NotEmpty(results.Passes); // axe ran its rules on the page
                found.AddRange(results.Violations.Select(v =>
                    $"{path} at {width}px: {v.Id} ({v.Impact}) {v.Help}: {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}"));
            }
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private async Task WaitForPortalAsync(long size)
    {
        using var api = Server.Api(null);
        for (var i = 0; i < 100 && JsonDocument.Parse(await api.GetStringAsync("/api/v1/log/checkpoint")).RootElement.GetProperty("size").GetInt64() < size; i++)
        {
            await Task.Delay(50);
        }
    }
}
