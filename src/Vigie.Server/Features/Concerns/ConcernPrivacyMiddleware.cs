namespace Vigie.Server.Features.Concerns;

/// <summary>
/// First in the pipeline for the reporter's routes: removes from the request everything that
/// could identify the client before any other code (logging, error handling, authentication) can
/// see it — address, user agent and client hints, forwarding headers, referrer, cookies, tokens —
/// gives the request a constant trace id so log lines cannot be tied to the connection, and makes
/// sure the response sets no cookie and is not cached.
/// </summary>
public sealed class ConcernPrivacyMiddleware(RequestDelegate next)
{
    private static readonly string[] IdentifyingHeaders =
    [
        "User-Agent", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Client-IP", "X-Cluster-Client-IP",
        "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "Forwarded", "Via", "Referer", "Cookie", "Authorization",
        "Accept-Language", "DNT", "From",
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ConcernPrivacy.IsReporterPath(context.Request.Path.Value))
        {
            await next(context);
            return;
        }

        using var scope = ConcernPrivacy.Enter();
        var headers = context.Request.Headers;
        foreach (var name in IdentifyingHeaders)
        {
            headers.Remove(name);
        }

        foreach (var hint in headers.Keys.Where(k => k.StartsWith("Sec-CH-", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            headers.Remove(hint);
        }

        context.Connection.RemoteIpAddress = null;
        context.Connection.RemotePort = 0;
        context.TraceIdentifier = "concern";
        context.Response.OnStarting(() =>
        {
            var response = context.Response.Headers;
            response.Remove("Set-Cookie");
            response.CacheControl = "no-store";
            response["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(context);
    }
}
