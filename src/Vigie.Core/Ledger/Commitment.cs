using System.Security.Cryptography;

namespace Vigie.Core.Ledger;

/// <summary>
/// The commitment a non-public entry carries instead of its body:
/// SHA-256(32-byte salt ‖ canonical body) (DESIGN.md, "The ledger is the source of truth").
/// The random salt stops anyone guessing a short body by hashing candidates.
/// </summary>
public static class Commitment
{
    /// <summary>Length of a commitment in bytes (SHA-256).</summary>
    public const int Length = SHA256.HashSizeInBytes;

    /// <summary>SHA-256(salt ‖ canonicalBody).</summary>
    /// <exception cref="ArgumentException">The salt is not <see cref="SealedBody.SaltLength"/> bytes.</exception>
    public static byte[] Compute(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> canonicalBody)
    {
        if (salt.Length != SealedBody.SaltLength)
        {
            throw new ArgumentException($"Salt must be {SealedBody.SaltLength} bytes, got {salt.Length}.", nameof(salt));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(salt);
        hash.AppendData(canonicalBody);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// True when the revealed salt and body are the ones the entry committed to. Never throws:
    /// a public entry, a missing commitment or a salt of the wrong length simply do not match.
    /// </summary>
    public static bool Matches(Envelope envelope, SealedBody revealed)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(revealed);
        if (envelope.Commitment is not { Length: Length } committed
            || revealed.Salt is not { Length: SealedBody.SaltLength }
            || revealed.CanonicalBody is null)
        {
            return false;
        }

        // Constant time, so a verifier does not leak how much of a guessed commitment matched.
        return CryptographicOperations.FixedTimeEquals(committed, Compute(revealed.Salt, revealed.CanonicalBody));
    }
}
