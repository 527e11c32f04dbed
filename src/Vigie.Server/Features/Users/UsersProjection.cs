using Vigie.Core.Ledger;
using Dapper;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Users;

/// <summary>Users and their API tokens, derived from user.* and token.* entries.</summary>
public sealed class UsersProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [UserEntries.UserCreated, UserEntries.TokenIssued, UserEntries.TokenRevoked];

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } = ["api_tokens", "users"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null; // an erased body leaves nothing to project
        }

        var c = tx.Connection;
        var at = LedgerTime.Format(record.Envelope.Time);
        switch (record.Envelope.Kind)
        {
            case UserEntries.UserCreated:
            {
                var user = BodyJson.Read<UserEntries.UserCreatedBody>(body);
                var inserted = await c.ExecuteAsync(
                    "INSERT INTO users (name, roles, created_at, created_index) VALUES (@name, @roles, @at, @index) ON CONFLICT (name) DO NOTHING",
                    new { name = user.Name, roles = string.Join(',', user.Roles), at, index = record.Index },
                    tx.Transaction);
                return inserted == 0 ? $"A user named '{user.Name}' already exists." : null;
            }

            case UserEntries.TokenIssued:
            {
                var token = BodyJson.Read<UserEntries.TokenIssuedBody>(body);
                var exists = await c.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM users WHERE name = @user", new { user = token.User }, tx.Transaction);
                if (exists == 0)
                {
                    return $"There is no user named '{token.User}'.";
                }

                await c.ExecuteAsync(
                    "INSERT INTO api_tokens (token_id, user_name, token_hash, label, created_at, created_index) VALUES (@id, @user, @hash, @label, @at, @index)",
                    new { id = token.TokenId, user = token.User, hash = Convert.FromHexString(token.Sha256), label = token.Label, at, index = record.Index },
                    tx.Transaction);
                return null;
            }

            case UserEntries.TokenRevoked:
            {
                var revoked = BodyJson.Read<UserEntries.TokenRevokedBody>(body);
                var changed = await c.ExecuteAsync(
                    "UPDATE api_tokens SET revoked_index = @index WHERE token_id = @id AND user_name = @user AND revoked_index IS NULL",
                    new { id = revoked.TokenId, user = revoked.User, index = record.Index },
                    tx.Transaction);
                return changed == 0 ? $"No active token '{revoked.TokenId}' belongs to '{revoked.User}'." : null;
            }

            default:
                return null;
        }
    }
}
