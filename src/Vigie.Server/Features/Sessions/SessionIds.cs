using System.Security.Cryptography;
using System.Text;

namespace Vigie.Server.Features.Sessions;

/// <summary>
/// Session ids: 256 random bits, base64url, held only by the browser's cookie. The server keeps
/// their SHA-256, so a copy of the database does not let anyone act as a signed-in person.
/// </summary>
public static class SessionIds
{
    private const int Length = 43; // base64url of 32 bytes, unpadded

    public static string Create() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string sessionId) => SHA256.HashData(Encoding.ASCII.GetBytes(sessionId));

    /// <summary>A cookie value that cannot be ours is ignored without a database lookup.</summary>
    public static bool LooksValid(string? sessionId) =>
        sessionId is { Length: Length } &&
        sessionId.AsSpan().IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;
}
