using Microsoft.Playwright;
using Vigie.Browser.Tests.Infrastructure;
using Xunit;

namespace Vigie.Browser.Tests;

public sealed class SessionBrowserTests(BrowserFixture browser, VigieServer server)
    : BrowserTest(browser, server), IClassFixture<VigieServer>
{
    [Fact]
    public async Task Workspace_RedirectsToSignIn_AndComesBackAfterwards()
    {
        await Page.GotoAsync("/app/users");
        Assert.Equal(Server.BaseUrl + "/app/sign-in?returnUrl=%2Fapp%2Fusers", Page.Url);
        await Assertions.Expect(Page.GetByLabel("API token")).ToBeVisibleAsync();

        await Page.GetByLabel("API token").FillAsync(Server.AdminToken);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + "/app/users");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "People" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SigningIn_ShowsTheUsersNameAndRoles()
    {
        var (token, _) = await Server.CreateUserAsync("sofia", "safety-officer", "member");
        await SignInAsync(token);

        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + "/app");
        await Assertions.Expect(Page.Locator("#signed-in-user")).ToHaveTextAsync("sofia");
        await Assertions.Expect(Page.Locator("header .who")).ToContainTextAsync("safety-officer, member");
        var cookie = await SessionCookieAsync();
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.cookie.indexOf('vigie_session') + 1")); // scripts cannot read it
    }

    [Fact]
    public async Task WrongToken_ShowsAClearError_AndNoCookie()
    {
        await SignInAsync("vigie_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid or was revoked");
        await Assertions.Expect(Page.GetByLabel("API token")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await SessionCookieAsync());
        await Page.GotoAsync("/app");
        Assert.StartsWith(Server.BaseUrl + "/app/sign-in", Page.Url);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var (token, _) = await Server.CreateUserAsync("otto", "member");
        await SignInAsync(token);
        await Assertions.Expect(Page.Locator("#signed-in-user")).ToHaveTextAsync("otto");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(Server.BaseUrl + "/app/sign-in");
        Assert.Null(await SessionCookieAsync());
        await Page.GotoAsync("/app");
        Assert.StartsWith(Server.BaseUrl + "/app/sign-in", Page.Url);
    }

    [Fact]
    public async Task RevokedToken_EndsTheBrowserSession()
    {
        var (token, tokenId) = await Server.CreateUserAsync("rita", "member");
        await SignInAsync(token);
        await Assertions.Expect(Page.Locator("#signed-in-user")).ToHaveTextAsync("rita");

        await Server.RevokeTokenAsync("rita", tokenId);
        await Page.ReloadAsync();

        Assert.StartsWith(Server.BaseUrl + "/app/sign-in", Page.Url);
        Assert.Null(await SessionCookieAsync());
    }

    [Fact]
    public async Task MemberWithoutTheRole_SeesNotAllowed()
    {
        var (token, _) = await Server.CreateUserAsync("mina", "member");
        await SignInAsync(token);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);

        var response = await Page.GotoAsync("/app/users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }
}
