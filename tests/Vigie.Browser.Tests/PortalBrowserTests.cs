using System.Text.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

public sealed class PortalBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    [Fact]
    public async Task LogPage_LoadsWithoutSignIn_AndShowsTheLogSize()
    {
        var size = await SignedCheckpointSizeAsync();

        var response = await Page.GotoAsync("/log");
        Assert.Equal(200, response!.Status);
        Assert.Equal(Server.BaseUrl + "/log", Page.Url);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("browser.vigie.example/log");
        var entries = Page.Locator("dl.facts dt:text-is('Entries') + dd");
        Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture), (await entries.TextContentAsync())!.Trim());
        Assert.Null(await SessionCookieAsync());
    }

    [Fact]
    public async Task Portal_UsesTheStylesheet()
    {
        await Page.GotoAsync("/log");
        var background = await Page.Locator("pre").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(246, 248, 250)", background); // #f6f8fa from vigie.css: the stylesheet loaded and applies
    }

    /// <summary>The size of the newest signed checkpoint, once the first-start entries are covered.</summary>
    private async Task<long> SignedCheckpointSizeAsync()
    {
        using var api = Server.Api(null);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var size = JsonDocument.Parse(await api.GetStringAsync("/api/v1/log/checkpoint")).RootElement.GetProperty("size").GetInt64();
            if (size >= 2 || DateTime.UtcNow > deadline)
            {
                return size;
            }

            await Task.Delay(20);
        }
    }
}
