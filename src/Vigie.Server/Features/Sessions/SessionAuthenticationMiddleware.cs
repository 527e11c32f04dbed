using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Lets the <c>vigie_session</c> cookie identify the caller, but only on Razor pages and on
/// endpoints marked <see cref="AcceptsSessionCookieAttribute"/>. Every other endpoint, the whole
/// JSON API included, stays bearer-only, so no page on another site can make a browser act
/// through the API (docs/decisions/0004-web-sessions.md). A state-changing request the cookie
/// identifies must also carry a valid antiforgery token.
/// </summary>
public sealed class SessionAuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, WebSessions sessions, IAntiforgery antiforgery)
    {
        if (Caller.Of(context) is null && SessionCookie.Read(context) is { } sessionId && AcceptsCookie(context.GetEndpoint()))
        {
            var user = await sessions.ResolveAsync(sessionId, context.RequestAborted);
            if (user is null)
            {
                SessionCookie.Clear(context); // ended, revoked or unknown: stop the browser sending it
            }
            else
            {
                if (!IsSafeMethod(context.Request.Method) && !await antiforgery.IsRequestValidAsync(context))
                {
                    await Problems.BadRequest(
                        "This form was not sent by a Vigie page, or it was open too long. Reload the page and send it again.",
                        "The form's antiforgery token is missing or not valid").ExecuteAsync(context);
                    return;
                }

                context.Items[TokenAuthenticationMiddleware.ItemKey] = user;
            }
        }

        await next(context);
    }

    public static bool AcceptsCookie(Endpoint? endpoint) =>
        endpoint is not null &&
        (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ||
         endpoint.Metadata.GetMetadata<AcceptsSessionCookieAttribute>() is not null);

    private static bool IsSafeMethod(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
