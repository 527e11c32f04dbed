using Vigie.Server.Http;

namespace Vigie.Server.Features.Users;

/// <summary>Who is calling, and the checks endpoints make before doing anything.</summary>
public static class Caller
{
    public static CurrentUser? Of(HttpContext context) =>
        context.Items.TryGetValue(TokenAuthenticationMiddleware.ItemKey, out var user) ? user as CurrentUser : null;

    /// <summary>The caller if they hold one of <paramref name="roles"/>; otherwise the 401/403 to answer.</summary>
    public static (CurrentUser? User, IResult? Problem) Require(HttpContext context, IReadOnlyList<string> roles)
    {
        var user = Of(context);
        if (user is null)
        {
            return (null, Problems.Unauthorized("This needs an API token: pass 'Authorization: Bearer <token>' (the CLI reads VIGIE_TOKEN)."));
        }

        if (!user.HasAnyRole(roles))
        {
            return (null, Problems.Forbidden($"This needs one of the roles {string.Join(", ", roles)}; '{user.Name}' has {string.Join(", ", user.Roles)}."));
        }

        return (user, null);
    }
}
