using System.Net.Http.Json;
using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

public sealed class CardEditorBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    private async Task<string> RegisterVersionAsync()
    {
        var system = "card-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Server.Api(Server.AdminToken);
        Assert.True((await admin.PostAsJsonAsync("/api/v1/systems", new { name = system, owner = "Research", purpose = "Assistant" })).IsSuccessStatusCode);
        Assert.True((await admin.PostAsJsonAsync($"/api/v1/systems/{system}/versions", new { version = "1.0" })).IsSuccessStatusCode);
        return $"/app/systems/{system}/versions/1.0/card";
    }

    [Fact]
    public async Task EditingAField_ShowsTheValidationMessage_ThenSavesTheNextRevisionWithItsDiff()
    {
        var cardPage = await RegisterVersionAsync();
        await SignInAsync(Server.AdminToken, cardPage);
        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + cardPage);
        await Assertions.Expect(Page.Locator("#profile-missing-count")).ToContainTextAsync("misses 11 of the 11 fields");

        // A value of the wrong type: the message appears next to the field, and nothing is saved.
        var compute = Page.GetByLabel("Training compute (FLOP)");
        await compute.FillAsync("a lot");
        await Page.GetByLabel("Summary").FillAsync("An assistant for drafting text.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save revision 1" }).ClickAsync();

        var error = Page.Locator("#e-training-computeFlop");
        await Assertions.Expect(error).ToHaveTextAsync("must be a number, e.g. 3.8e25 or 1200; got 'a lot'.");
        await Assertions.Expect(compute).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Page.GetByLabel("Summary")).ToHaveValueAsync("An assistant for drafting text.");
        await Assertions.Expect(Page.Locator("#card-history")).ToHaveCountAsync(0);

        // Fixed: the first revision is saved and listed.
        await compute.FillAsync("3.8e25");
        await Page.GetByLabel("Developer website").FillAsync("https://example.org/");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save revision 1" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#card-saved")).ToHaveTextAsync("Saved revision 1.");
        await Assertions.Expect(Page.Locator("#profile-missing-count")).ToContainTextAsync("misses 10 of the 11 fields");
        await Assertions.Expect(Page.GetByLabel("Training compute (FLOP)")).ToHaveValueAsync("3.8e+25");
        await Assertions.Expect(Page.GetByLabel("Summary")).ToHaveValueAsync("An assistant for drafting text.");

        // A second edit: the history shows revision 2 and what it changed, old and new.
        await Page.GetByLabel("Summary").FillAsync("An assistant for drafting and summarising text.");
        await Page.GetByLabel("Note").FillAsync("Wider summary");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save revision 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#card-saved")).ToHaveTextAsync("Saved revision 2.");
        var revision = Page.Locator("#revision-2");
        await Assertions.Expect(revision).ToContainTextAsync("Wider summary");
        await revision.Locator("summary").ClickAsync();
        var change = revision.Locator("ul.diff li");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync("~ model.summary");
        await Assertions.Expect(change.Locator("del")).ToHaveTextAsync("An assistant for drafting text.");
        await Assertions.Expect(change.Locator("ins")).ToHaveTextAsync("An assistant for drafting and summarising text.");
        await Assertions.Expect(Page.Locator("#revision-1")).ToContainTextAsync("material");
    }
}
