namespace Vigie.Server.Features.Users;

/// <summary>The signed-in caller of a request.</summary>
public sealed record CurrentUser(string Name, IReadOnlyList<string> Roles)
{
    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(r => Roles.Contains(r, StringComparer.Ordinal));

    public bool IsAdmin => Roles.Contains(Users.Roles.Admin, StringComparer.Ordinal);
}
