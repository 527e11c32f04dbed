using Microsoft.Playwright;
using Xunit;

namespace Vigie.Browser.Tests.Infrastructure;

/// <summary>
/// Base of browser tests: the run's Chromium (<see cref="BrowserFixture"/>), the class's server
/// (<see cref="VigieServer"/>), and for each test a fresh context and <see cref="Page"/> whose
/// relative URLs go to that server. Derive with
/// <c>public sealed class XTests(BrowserFixture browser, VigieServer server) : BrowserTest(browser, server), IClassFixture&lt;VigieServer&gt;</c>.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, VigieServer server) : IAsyncLifetime
{
    protected VigieServer Server { get; } = server;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Context = await browser.NewContextAsync(Server.BaseUrl);
        Page = await Context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person pasting their token would.</summary>
    protected async Task SignInAsync(string token, string? returnUrl = null)
    {
        await Page.GotoAsync(returnUrl is null ? "/app/sign-in" : "/app/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.GetByLabel("API token").FillAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The session cookie the browser holds, if any.</summary>
    protected async Task<BrowserContextCookiesResult?> SessionCookieAsync() =>
        (await Context.CookiesAsync()).SingleOrDefault(c => c.Name == "vigie_session");

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
