namespace Vigie.Server.Features.Sessions;

/// <summary>
/// The <c>vigie_session</c> cookie. HttpOnly so page scripts never see it; SameSite=Strict so
/// another site cannot make the browser send it; Secure whenever the request came over HTTPS.
/// </summary>
public static class SessionCookie
{
    public const string Name = "vigie_session";

    public static string? Read(HttpContext context) => context.Request.Cookies[Name];

    public static void Set(HttpContext context, SignedIn session) =>
        context.Response.Cookies.Append(Name, session.SessionId, Options(context, session.ExpiresAt));

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, null));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
