using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

/// <summary>A witness run with `vigie witness serve`: its cosignature appears on the portal and on the verify page.</summary>
public sealed class WitnessBrowserTests(BrowserFixture browser, WitnessedVigieServer server)
    : BrowserTest(browser, server), IClassFixture<WitnessedVigieServer>
{
    [Fact]
    public async Task WitnessCosignature_AppearsOnThePortal()
    {
        await PortalSeed.SeedAsync(Server);
        var witnesses = Page.Locator("#witnesses");
        for (var i = 0; ; i++)
        {
            await Page.GotoAsync("/");
            if ((await witnesses.InnerTextAsync()).Contains(WitnessedVigieServer.WitnessName, StringComparison.Ordinal) || i >= 50)
            {
                break;
            }

            await Task.Delay(100);
        }

        await Assertions.Expect(witnesses).ToContainTextAsync(WitnessedVigieServer.WitnessName);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#cosignatures")).ToContainTextAsync(WitnessedVigieServer.WitnessName);
        await Assertions.Expect(Page.Locator("#checkpoint-note")).ToContainTextAsync("— " + WitnessedVigieServer.WitnessName + " ");
    }
}
