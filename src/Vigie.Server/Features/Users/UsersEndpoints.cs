using Vigie.Server.Http;

namespace Vigie.Server.Features.Users;

/// <summary>/api/v1/users and /api/v1/me.</summary>
public static class UsersEndpoints
{
    public sealed record CreateUserRequest(string Name, IReadOnlyList<string> Roles, string? TokenLabel = null);

    public sealed record IssueTokenRequest(string? Label = null);

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1");

        group.MapGet("/me", (HttpContext context) =>
        {
            var user = Caller.Of(context);
            return user is null
                ? Problems.Unauthorized("No API token was given.")
                : Results.Ok(new { name = user.Name, roles = user.Roles });
        });

        group.MapGet("/users", async (HttpContext context, UserQueries users) =>
        {
            var (_, problem) = Caller.Require(context, [Roles.Admin, Roles.Auditor]);
            if (problem is not null)
            {
                return problem;
            }

            var list = await users.ListAsync(context.RequestAborted);
            return Results.Ok(list.Select(u => new { name = u.Name, roles = u.RoleList, createdAt = u.CreatedAt, createdIndex = u.CreatedIndex }));
        });

        group.MapPost("/users", async (HttpContext context, UserAccounts accounts) =>
        {
            var (admin, problem) = Caller.Require(context, [Roles.Admin]);
            if (problem is not null)
            {
                return problem;
            }

            var (request, bad) = await RequestJson.ReadAsync<CreateUserRequest>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var invalid = UserNames.Validate(request!.Name) ?? ValidateRoles(request.Roles) ?? ValidateLabel(request.TokenLabel);
            if (invalid is not null)
            {
                return Problems.BadRequest(invalid);
            }

            var roles = request.Roles.Distinct(StringComparer.Ordinal).ToList();
            var (created, conflict) = await accounts.CreateAsync(admin!.Name, request.Name, roles, request.TokenLabel, context.RequestAborted);
            if (conflict is not null)
            {
                return Problems.Conflict(conflict);
            }

            return Results.Created($"/api/v1/users/{created!.Name}", new
            {
                name = created.Name,
                roles = created.Roles,
                token = created.Token,
                tokenId = created.TokenId,
                index = created.Index,
            });
        });

        group.MapGet("/users/{name}", async (HttpContext context, string name, UserQueries users) =>
        {
            var (caller, problem) = Caller.Require(context, Roles.All);
            if (problem is not null)
            {
                return problem;
            }

            if (caller!.Name != name && !caller.HasAnyRole([Roles.Admin, Roles.Auditor]))
            {
                return Problems.Forbidden("Only admins and auditors can see other users.");
            }

            var user = await users.FindAsync(name, context.RequestAborted);
            if (user is null)
            {
                return Problems.NotFound($"There is no user named '{name}'.");
            }

            var tokens = await users.TokensAsync(name, context.RequestAborted);
            return Results.Ok(new
            {
                name = user.Name,
                roles = user.RoleList,
                createdAt = user.CreatedAt,
                createdIndex = user.CreatedIndex,
                tokens = tokens.Select(t => new { tokenId = t.TokenId, label = t.Label, createdAt = t.CreatedAt, revoked = t.RevokedIndex is not null }),
            });
        });

        group.MapPost("/users/{name}/tokens", async (HttpContext context, string name, UserAccounts accounts) =>
        {
            var (caller, problem) = Caller.Require(context, Roles.All);
            if (problem is not null)
            {
                return problem;
            }

            if (caller!.Name != name && !caller.IsAdmin)
            {
                return Problems.Forbidden("Only an admin can issue a token for another user.");
            }

            var (request, bad) = await RequestJson.ReadAsync<IssueTokenRequest>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            if (ValidateLabel(request!.Label) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var (issued, conflict) = await accounts.IssueTokenAsync(caller.Name, name, request.Label, context.RequestAborted);
            return conflict is not null
                ? Problems.NotFound(conflict)
                : Results.Created($"/api/v1/users/{name}", new { token = issued!.Token, tokenId = issued.TokenId, index = issued.Index });
        });

        group.MapDelete("/users/{name}/tokens/{tokenId}", async (HttpContext context, string name, string tokenId, UserAccounts accounts) =>
        {
            var (caller, problem) = Caller.Require(context, Roles.All);
            if (problem is not null)
            {
                return problem;
            }

            if (caller!.Name != name && !caller.IsAdmin)
            {
                return Problems.Forbidden("Only an admin can revoke another user's token.");
            }

            var (index, conflict) = await accounts.RevokeTokenAsync(caller.Name, name, tokenId, context.RequestAborted);
            return conflict is not null ? Problems.NotFound(conflict) : Results.Ok(new { tokenId, revoked = true, index });
        });
    }

    private static string? ValidateRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return $"Give at least one role: {string.Join(", ", Roles.All)}.";
        }

        var unknown = roles.FirstOrDefault(r => !Roles.IsKnown(r));
        return unknown is null ? null : $"'{unknown}' is not a role. Roles are: {string.Join(", ", Roles.All)}.";
    }

    private static string? ValidateLabel(string? label) =>
        label is { Length: > 100 } ? "A token label is at most 100 characters." : null;
}
