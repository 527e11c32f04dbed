namespace Vigie.Server.Features.Sessions;

/// <summary>
/// On a page under /app (<c>@attribute [RequireRoles(Roles.Admin, Roles.Auditor)]</c>): only a
/// signed-in user holding one of these roles may open it; others get a 403 page. Checked by
/// <see cref="WorkspaceAccessMiddleware"/> before the page renders.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequireRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
