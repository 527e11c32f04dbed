using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Users;

/// <summary>The ledger entries of this feature and their bodies.</summary>
public static class UserEntries
{
    public const string UserCreated = "user.created/v1";
    public const string TokenIssued = "token.issued/v1";
    public const string TokenRevoked = "token.revoked/v1";

    public sealed record UserCreatedBody(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);

    public sealed record TokenIssuedBody(
        [property: JsonPropertyName("tokenId")] string TokenId,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("label")] string? Label);

    public sealed record TokenRevokedBody(
        [property: JsonPropertyName("tokenId")] string TokenId,
        [property: JsonPropertyName("user")] string User);
}
