using Microsoft.AspNetCore.Components;
using Vigie.Server.Components.Layout;
using Vigie.Server.Features.Users;

namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Base of every workspace page (<c>@inherits AppPage</c>): the workspace layout, and the
/// signed-in <see cref="User"/>. <see cref="WorkspaceAccessMiddleware"/> has already sent anyone
/// not signed in to the sign-in page, and checked <see cref="RequireRolesAttribute"/>, before
/// the page renders, so <see cref="User"/> is always there.
/// </summary>
[Layout(typeof(AppLayout))]
public abstract class AppPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>The signed-in person: name and roles (read from the users table on this request).</summary>
    protected CurrentUser User =>
        (HttpContext is null ? null : Caller.Of(HttpContext))
        ?? throw new InvalidOperationException("AppPage renders only under static server rendering, after WorkspaceAccessMiddleware.");

    /// <summary>For showing or hiding parts of a page; to guard a whole page use <see cref="RequireRolesAttribute"/>.</summary>
    protected bool UserHasAnyRole(params string[] roles) => User.HasAnyRole(roles);
}
