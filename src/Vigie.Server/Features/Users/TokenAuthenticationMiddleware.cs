using Vigie.Server.Http;

namespace Vigie.Server.Features.Users;

/// <summary>
/// Resolves "Authorization: Bearer &lt;token&gt;" to a user. A request with no token is
/// anonymous (it may read public things); a request with a bad or revoked token is refused
/// outright, so a broken CI secret is noticed instead of silently acting anonymously.
/// </summary>
public sealed class TokenAuthenticationMiddleware(RequestDelegate next)
{
    public const string ItemKey = "vigie.user";

    public async Task InvokeAsync(HttpContext context, UserQueries users)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                await Problems.Unauthorized("Use 'Authorization: Bearer <token>' with a Vigie API token.").ExecuteAsync(context);
                return;
            }

            var token = header["Bearer ".Length..].Trim();
            var user = ApiTokens.LooksValid(token) ? await users.FindByTokenAsync(token, context.RequestAborted) : null;
            if (user is null)
            {
                await Problems.Unauthorized("The API token is not valid or was revoked. Ask an admin for a new one (vigie users token NAME).").ExecuteAsync(context);
                return;
            }

            context.Items[ItemKey] = user;
        }

        await next(context);
    }
}
