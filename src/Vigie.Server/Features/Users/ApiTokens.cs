using System.Security.Cryptography;
using System.Text;

namespace Vigie.Server.Features.Users;

/// <summary>
/// API tokens: 256 random bits, shown once; only their SHA-256 is stored. A slow password hash
/// is not needed for secrets of this entropy, and the digest lets a request find its token by
/// an index lookup.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "vigie_";

    public static (string Token, string TokenId, byte[] Hash) Create()
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var tokenId = "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return (token, tokenId, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A token that cannot be ours is refused without a database lookup.</summary>
    public static bool LooksValid(string token) =>
        token.Length == Prefix.Length + 43 && token.StartsWith(Prefix, StringComparison.Ordinal) &&
        token.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
