using Dapper;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Users;

/// <summary>How other features read users (never their tables directly).</summary>
public sealed class UserQueries(Database database)
{
    public sealed record UserRow(string Name, string Roles, string CreatedAt, long CreatedIndex)
    {
        public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    public sealed record TokenRow(string TokenId, string? Label, string CreatedAt, long CreatedIndex, long? RevokedIndex);

    public async Task<CurrentUser?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        (await FindTokenHolderAsync(token, cancellationToken))?.User;

    /// <summary>The holder of an active token, and which token it is (a web session remembers it, to end with it).</summary>
    public async Task<(CurrentUser User, string TokenId)?> FindTokenHolderAsync(string token, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var row = await c.QuerySingleOrDefaultAsync<(string Name, string Roles, string TokenId)>(
            new CommandDefinition(
                "SELECT u.name AS Name, u.roles AS Roles, t.token_id AS TokenId FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.token_hash = @hash AND t.revoked_index IS NULL",
                new { hash = ApiTokens.Hash(token) },
                cancellationToken: cancellationToken));
        return row.Name is null ? null : (ToUser(row.Name, row.Roles), row.TokenId);
    }

    /// <summary>
    /// The user holding token <paramref name="tokenId"/> if that token is still active and the
    /// user still exists; roles are read now, so a change applies at once.
    /// </summary>
    public async Task<CurrentUser?> FindByTokenIdAsync(string tokenId, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var row = await c.QuerySingleOrDefaultAsync<(string Name, string Roles)>(
            new CommandDefinition(
                "SELECT u.name AS Name, u.roles AS Roles FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.token_id = @tokenId AND t.revoked_index IS NULL",
                new { tokenId },
                cancellationToken: cancellationToken));
        return row.Name is null ? null : ToUser(row.Name, row.Roles);
    }

    private static CurrentUser ToUser(string name, string roles) =>
        new(name, roles.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public async Task<UserRow?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "SELECT name AS Name, roles AS Roles, created_at AS CreatedAt, created_index AS CreatedIndex FROM users WHERE name = @name",
            new { name }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<UserRow>(new CommandDefinition(
            "SELECT name AS Name, roles AS Roles, created_at AS CreatedAt, created_index AS CreatedIndex FROM users ORDER BY name",
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<TokenRow>> TokensAsync(string user, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<TokenRow>(new CommandDefinition(
            "SELECT token_id AS TokenId, label AS Label, created_at AS CreatedAt, created_index AS CreatedIndex, revoked_index AS RevokedIndex FROM api_tokens WHERE user_name = @user ORDER BY created_index",
            new { user }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken));
    }
}
