using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Vigie.Server.Features.Sessions;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;
using Vigie.Server.Tests.Infrastructure;
using Xunit;

namespace Vigie.Server.Tests.Sessions;

public abstract class WebSessionTests : ServerTest
{
    [Fact]
    public async Task SignIn_WithValidToken_SetsAStrictHttpOnlyCookie_AndGoesToTheReturnUrl()
    {
        using var browser = new PageClient(Factory);
        var response = await browser.SignInAsync(Factory.AdminToken, "/app/users?sort=name");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/app/users?sort=name", response.Headers.Location!.PathAndQuery);
        Assert.Equal("localhost", response.Headers.Location.Host);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vigie_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; Secure under HTTPS

        var home = await browser.GetAsync("/app");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<strong id=\"signed-in-user\">admin</strong>", await home.Content.ReadAsStringAsync());
        Assert.Contains("no-store", home.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task SignIn_OverHttps_MarksTheCookieSecure()
    {
        using var browser = new PageClient(Factory, https: true);
        var response = await browser.SignInAsync(Factory.AdminToken);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vigie_session=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);
    }

    [Fact]
    public async Task SessionId_IsStoredOnlyAsItsSha256()
    {
        using var browser = new PageClient(Factory);
        var response = await browser.SignInAsync(Factory.AdminToken);
        var sessionId = SessionCookieValue(response);

        await using var c = await Factory.Service<Database>().OpenAsync();
        var stored = Assert.Single(await c.QueryAsync<(byte[] Hash, string User)>("SELECT id_hash, user_name FROM web_sessions"));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(sessionId)), stored.Hash);
        Assert.Equal("admin", stored.User);
    }

    [Theory]
    [InlineData("vigie_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not a token")]
    [InlineData("")]
    public async Task SignIn_WithWrongToken_ShowsAnError_AndSetsNoCookie(string token)
    {
        using var browser = new PageClient(Factory);
        var response = await browser.SignInAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("vigie_session=", StringComparison.Ordinal)));
        Assert.Equal(0, await Factory.Service<WebSessions>().CountAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/app")).StatusCode);
    }

    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = new PageClient(Factory);
        var response = await browser.Http.PostAsync("/app/sign-in", new FormUrlEncodedContent(
            [new("_handler", "sign-in"), new("Token", Factory.AdminToken)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Factory.Service<WebSessions>().CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("//evil.example/app")]
    [InlineData("https://evil.example/app")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/app\r\nSet-Cookie: x=1")]
    [InlineData("app/users")]
    public async Task SignIn_NeverRedirectsOffTheSite(string returnUrl)
    {
        using var browser = new PageClient(Factory);
        var response = await browser.SignInAsync(Factory.AdminToken, returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/app", location.PathAndQuery);
    }

    [Theory]
    [InlineData("/app")]
    [InlineData("/APP/Users")]
    [InlineData("/app/anything/that/may/exist?x=1")]
    public async Task WorkspacePages_RedirectToSignIn_WhenNobodyIsSignedIn(string path)
    {
        using var browser = new PageClient(Factory);
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/app/sign-in?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PortalAndSignInPage_NeedNoSignIn()
    {
        using var browser = new PageClient(Factory);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app/sign-in")).StatusCode);
    }

    [Fact]
    public async Task RoleGuardedPage_IsForbiddenWithoutTheRole_AndShownWithIt()
    {
        var member = await CreateUserAsync(Factory.Admin(), "mo", "member");
        using var memberBrowser = new PageClient(Factory);
        await memberBrowser.SignInOkAsync(member);
        var refused = await memberBrowser.GetAsync("/app/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("admin, auditor", html);
        Assert.DoesNotContain("<td>admin</td>", html);

        using var adminBrowser = new PageClient(Factory);
        await adminBrowser.SignInOkAsync(Factory.AdminToken);
        var shown = await adminBrowser.GetAsync("/app/users");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<td>mo</td>", await shown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RevokingTheToken_EndsItsSessions()
    {
        var admin = Factory.Admin();
        var created = await ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/users", new { name = "rae", roles = new[] { "member" } }));
        using var browser = new PageClient(Factory);
        await browser.SignInOkAsync(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/v1/users/rae/tokens/{created.GetProperty("tokenId").GetString()}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var after = await browser.GetAsync("/app");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith("/app/sign-in", after.Headers.Location!.OriginalString);
        Assert.Contains(after.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vigie_session=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Session_EndsAfterTwelveIdleHours_ButUseKeepsItAlive()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new VigieFactory(Store, clock);
        using var browser = new PageClient(factory);
        await browser.SignInOkAsync(factory.AdminToken);

        clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);
        clock.Advance(TimeSpan.FromHours(11)); // 22 h after sign-in, 11 h after last use
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);
        clock.Advance(WebSessions.IdleTimeout);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/app")).StatusCode);
        Assert.Equal(0, await factory.Service<WebSessions>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Session_EndsSevenDaysAfterSignIn_EvenWhenUsedThroughout()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new VigieFactory(Store, clock);
        using var browser = new PageClient(factory);
        await browser.SignInOkAsync(factory.AdminToken);

        var step = TimeSpan.FromHours(10);
        var elapsed = TimeSpan.Zero;
        while (elapsed + step < WebSessions.AbsoluteLifetime)
        {
            clock.Advance(step);
            elapsed += step;
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);
        }

        clock.Advance(WebSessions.AbsoluteLifetime - elapsed);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/app")).StatusCode);
    }

    [Fact]
    public async Task SessionCookie_DoesNotAuthenticateTheApi_SoNoOtherSiteCanWriteThroughIt()
    {
        using var browser = new PageClient(Factory);
        await browser.SignInOkAsync(Factory.AdminToken);
        var size = TreeSize;

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
        var write = await browser.Http.PostAsJsonAsync("/api/v1/evidence", new { sha256 = RandomSha256(), name = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        var upperCase = await browser.Http.PostAsJsonAsync("/API/v1/users", new { name = "mallory", roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.Unauthorized, upperCase.StatusCode);
        Assert.Equal(size, TreeSize);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused_AndTheSessionLives()
    {
        using var browser = new PageClient(Factory);
        await browser.SignInOkAsync(Factory.AdminToken);

        var forged = await browser.Http.PostAsync("/app/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndClearsTheCookie()
    {
        using var browser = new PageClient(Factory);
        var signIn = await browser.SignInAsync(Factory.AdminToken);
        var sessionId = SessionCookieValue(signIn);

        var response = await browser.SubmitFormAsync("/app", null, [], postUrl: "/app/sign-out");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/app/sign-in", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vigie_session=;", StringComparison.Ordinal));
        Assert.Equal(0, await Factory.Service<WebSessions>().CountAsync(CancellationToken.None));
        Assert.Null(await Factory.Service<WebSessions>().ResolveAsync(sessionId, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/app")).StatusCode);
    }

    [Fact]
    public async Task SigningInAgain_ReplacesThePreviousSession()
    {
        using var browser = new PageClient(Factory);
        var first = SessionCookieValue(await browser.SignInAsync(Factory.AdminToken));
        var second = SessionCookieValue(await browser.SignInAsync(Factory.AdminToken));

        Assert.NotEqual(first, second);
        Assert.Null(await Factory.Service<WebSessions>().ResolveAsync(first, CancellationToken.None));
        Assert.Equal(1, await Factory.Service<WebSessions>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RebuildingProjections_LeavesSessionsAlone()
    {
        using var browser = new PageClient(Factory);
        await browser.SignInOkAsync(Factory.AdminToken);
        await Factory.Service<ProjectionRebuilder>().RebuildAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app")).StatusCode);
    }

    private static string SessionCookieValue(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vigie_session=", StringComparison.Ordinal));
        return cookie["vigie_session=".Length..cookie.IndexOf(';')];
    }
}

public sealed class WebSessionTestsOnSqlite : WebSessionTests
{
    protected override bool UsePostgres => false;
}

public sealed class WebSessionTestsOnPostgres : WebSessionTests
{
    protected override bool UsePostgres => true;
}
