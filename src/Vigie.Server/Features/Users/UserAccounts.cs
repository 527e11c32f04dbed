using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Users;

/// <summary>Creates users and tokens through the ledger. Returns the token once; only its hash is kept.</summary>
public sealed class UserAccounts(Ledger.Ledger ledger)
{
    public sealed record Created(string Name, IReadOnlyList<string> Roles, string Token, string TokenId, long Index);

    public sealed record Issued(string Token, string TokenId, long Index);

    /// <summary>
    /// Records the user and their first token as one group of entries; a conflict (name taken)
    /// writes nothing. <paramref name="presetToken"/> is for the first admin, whose token is put
    /// on disk before the account exists (see <see cref="InitialAdmin"/>).
    /// </summary>
    public async Task<(Created? Created, string? Conflict)> CreateAsync(
        string actor, string name, IReadOnlyList<string> roles, string? label, CancellationToken cancellationToken,
        string? presetToken = null)
    {
        var (token, tokenId, hash) = ApiTokens.Create();
        if (presetToken is not null)
        {
            (token, hash) = (presetToken, ApiTokens.Hash(presetToken));
        }

        var result = await ledger.AppendAllAsync(
        [
            new LedgerWrite(UserEntries.UserCreated, actor, Visibility.Internal,
                BodyJson.ToElement(new UserEntries.UserCreatedBody(name, roles))),
            new LedgerWrite(UserEntries.TokenIssued, actor, Visibility.Confidential,
                BodyJson.ToElement(new UserEntries.TokenIssuedBody(tokenId, name, Convert.ToHexStringLower(hash), label))),
        ], cancellationToken);
        return result.Succeeded ? (new Created(name, roles, token, tokenId, result.Index), null) : (null, result.Conflict);
    }

    public async Task<(Issued? Issued, string? Conflict)> IssueTokenAsync(
        string actor, string user, string? label, CancellationToken cancellationToken)
    {
        var (token, tokenId, hash) = ApiTokens.Create();
        var result = await ledger.AppendAsync(
            new LedgerWrite(UserEntries.TokenIssued, actor, Visibility.Confidential,
                BodyJson.ToElement(new UserEntries.TokenIssuedBody(tokenId, user, Convert.ToHexStringLower(hash), label))),
            cancellationToken);
        return result.Succeeded ? (new Issued(token, tokenId, result.Index), null) : (null, result.Conflict);
    }

    public async Task<(long Index, string? Conflict)> RevokeTokenAsync(
        string actor, string user, string tokenId, CancellationToken cancellationToken)
    {
        var result = await ledger.AppendAsync(
            new LedgerWrite(UserEntries.TokenRevoked, actor, Visibility.Internal,
                BodyJson.ToElement(new UserEntries.TokenRevokedBody(tokenId, user))),
            cancellationToken);
        return (result.Index, result.Conflict);
    }
}
