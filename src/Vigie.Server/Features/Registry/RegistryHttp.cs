using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Registry;

/// <summary>What every registry write does first, and how a missing thing is reported.</summary>
public static class RegistryHttp
{
    /// <summary>The caller (who must be allowed to write) and the request body, or the problem to answer.</summary>
    public static async Task<(CurrentUser? User, T? Request, IResult? Problem)> ReadWriteAsync<T>(HttpContext context)
        where T : class
    {
        var (user, denied) = Caller.Require(context, Roles.Writers);
        if (denied is not null)
        {
            return (null, null, denied);
        }

        var (request, bad) = await RequestJson.ReadAsync<T>(context.Request);
        return bad is not null ? (null, null, bad) : (user, request, null);
    }

    /// <summary>404 that tells an anonymous caller why they may not see it.</summary>
    public static IResult NotFound(string what, bool signedIn) =>
        Problems.NotFound($"{what} is visible to you{(signedIn ? "" : " (internal entries need a token)")}.");
}
