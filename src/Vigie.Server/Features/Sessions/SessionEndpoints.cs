namespace Vigie.Server.Features.Sessions;

/// <summary>Wires browser sessions into the app: the two middlewares and /app/sign-out.</summary>
public static class SessionEndpoints
{
    /// <summary>After bearer-token authentication: the cookie, then the /app guard.</summary>
    public static void UseWebSessions(this IApplicationBuilder app)
    {
        app.UseMiddleware<SessionAuthenticationMiddleware>();
        app.UseMiddleware<WorkspaceAccessMiddleware>();
    }

    public static void MapSessions(this IEndpointRouteBuilder app)
    {
        // The sign-out form carries an antiforgery token; SessionAuthenticationMiddleware refuses
        // a signed-in request without one, so another site cannot sign people out.
        app.MapPost(WorkspaceAccessMiddleware.SignOutPath, async (HttpContext context, WebSessions sessions) =>
        {
            await sessions.EndAsync(SessionCookie.Read(context), context.RequestAborted);
            SessionCookie.Clear(context);
            return Results.Redirect(WorkspaceAccessMiddleware.SignInPath);
        }).AcceptsSessionCookie();
    }

    /// <summary>
    /// Lets the session cookie identify the caller on a non-page endpoint (a download, a chart).
    /// Unsafe methods then need an antiforgery token in the form. Never use it on /api.
    /// </summary>
    public static TBuilder AcceptsSessionCookie<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptsSessionCookieAttribute());
}
