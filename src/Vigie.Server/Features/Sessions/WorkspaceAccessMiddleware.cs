using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Guards the workspace before any page renders: everything under /app, and any page deriving
/// from <see cref="AppPage"/> or carrying <see cref="RequireRolesAttribute"/> wherever it is
/// mapped. Nobody signed in → redirect to sign-in (coming back afterwards); signed in without a
/// role the page requires → a 403 page. Pages may then rely on a current user.
/// Workspace responses are never cached: they show what only this person may see.
/// </summary>
public sealed class WorkspaceAccessMiddleware(RequestDelegate next)
{
    public const string SignInPath = "/app/sign-in";
    public const string SignOutPath = "/app/sign-out";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var page = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        var required = endpoint?.Metadata.GetMetadata<RequireRolesAttribute>();
        // Routing ignores case, so the path test must too, or /APP/x would slip past the guard.
        var inWorkspace = context.Request.Path.StartsWithSegments("/app", StringComparison.OrdinalIgnoreCase) ||
                          (page is not null && page.IsAssignableTo(typeof(AppPage))) ||
                          required is not null;
        if (!inWorkspace)
        {
            await next(context);
            return;
        }

        // Exactly what antiforgery sets on pages with forms, so it need not override (and warn).
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers.Pragma = "no-cache";
        if (page == typeof(SignIn) || context.Request.Path.Equals(SignOutPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var user = Caller.Of(context);
        if (user is null)
        {
            context.Response.Redirect(LocalReturnUrl.SignInFor(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
            return;
        }

        if (required is not null && !user.HasAnyRole(required.Roles))
        {
            await new RazorComponentResult<AppForbidden>(new { Required = required.Roles })
            {
                StatusCode = StatusCodes.Status403Forbidden,
            }.ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
