using Dapper;
using Vigie.Server.Features.Users;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Server-side browser sessions. A session is opened with an API token and remembers which
/// token: it works only while that token is active and its user exists, so revoking the token
/// signs the browser out too. It ends after <see cref="IdleTimeout"/> without use, or
/// <see cref="AbsoluteLifetime"/> after sign-in, whichever comes first.
/// </summary>
/// <remarks>Not a ledger projection: signing in is not a governance fact (docs/decisions/0004-web-sessions.md).</remarks>
public sealed class WebSessions(Database database, UserQueries users, TimeProvider time)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(12);

    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(7);

    /// <summary>Last-use times are written at most this often, so reading pages does not write on every request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Opens a session for the holder of <paramref name="token"/>; null when the token is not an active one.</summary>
    public async Task<SignedIn?> SignInAsync(string token, CancellationToken cancellationToken)
    {
        token = token.Trim();
        var holder = ApiTokens.LooksValid(token) ? await users.FindTokenHolderAsync(token, cancellationToken) : null;
        if (holder is not { } found)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var expires = now + AbsoluteLifetime;
        var sessionId = SessionIds.Create();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        // Sweep ended sessions here, where a write happens anyway, so the table does not grow without bound.
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM web_sessions WHERE expires_at <= @now OR last_seen_at <= @idle",
            new { now = now.ToUnixTimeMilliseconds(), idle = (now - IdleTimeout).ToUnixTimeMilliseconds() },
            tx, cancellationToken: cancellationToken));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO web_sessions (id_hash, user_name, token_id, created_at, last_seen_at, expires_at) VALUES (@hash, @user, @tokenId, @now, @now, @expires)",
            new
            {
                hash = SessionIds.Hash(sessionId),
                user = found.User.Name,
                tokenId = found.TokenId,
                now = now.ToUnixTimeMilliseconds(),
                expires = expires.ToUnixTimeMilliseconds(),
            },
            tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return new SignedIn(sessionId, found.User, expires);
    }

    /// <summary>The signed-in user of a session id, or null when it is unknown, ended, or its token was revoked.</summary>
    public async Task<CurrentUser?> ResolveAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (!SessionIds.LooksValid(sessionId))
        {
            return null;
        }

        var hash = SessionIds.Hash(sessionId!);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Row? row;
        await using (var c = await database.OpenAsync(cancellationToken))
        {
            row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                "SELECT user_name AS UserName, token_id AS TokenId, last_seen_at AS LastSeenAt, expires_at AS ExpiresAt FROM web_sessions WHERE id_hash = @hash",
                new { hash }, cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            if (now >= row.ExpiresAt || now >= row.LastSeenAt + (long)IdleTimeout.TotalMilliseconds)
            {
                await c.ExecuteAsync(new CommandDefinition("DELETE FROM web_sessions WHERE id_hash = @hash", new { hash }, cancellationToken: cancellationToken));
                return null;
            }

            if (now - row.LastSeenAt >= (long)TouchInterval.TotalMilliseconds)
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE web_sessions SET last_seen_at = @now WHERE id_hash = @hash", new { hash, now }, cancellationToken: cancellationToken));
            }
        }

        var user = await users.FindByTokenIdAsync(row.TokenId, cancellationToken);
        return user is not null && user.Name == row.UserName ? user : null;
    }

    /// <summary>Ends a session (sign-out). Unknown ids are ignored: the outcome, no session, is the same.</summary>
    public async Task EndAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (!SessionIds.LooksValid(sessionId))
        {
            return;
        }

        await using var c = await database.OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM web_sessions WHERE id_hash = @hash", new { hash = SessionIds.Hash(sessionId!) }, cancellationToken: cancellationToken));
    }

    /// <summary>How many sessions are stored (for tests and operators; says nothing about who).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM web_sessions", cancellationToken: cancellationToken));
    }

    private sealed record Row(string UserName, string TokenId, long LastSeenAt, long ExpiresAt);
}
