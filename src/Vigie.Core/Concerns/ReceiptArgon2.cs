using NSec.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// Argon2id (RFC 9106) through libsodium's crypto_pwhash via NSec: version 0x13, one lane,
/// no secret and no associated data — libsodium takes neither, which is why RFC 9106's own
/// test vector (4 lanes, secret, associated data) cannot be reproduced here and libsodium's
/// vectors are used instead.
/// </summary>
internal static class ReceiptArgon2
{
    /// <summary>OWASP Password Storage Cheat Sheet's first Argon2id setting: 19 MiB, 2 passes, 1 lane.</summary>
    public const int DefaultMemoryKiB = 19 * 1024;

    public const int DefaultPasses = 2;

    /// <summary>libsodium's fixed salt size.</summary>
    public const int SaltSize = 16;

    public const int HashSize = 32;

    /// <summary>Limits on stored parameters, so an altered row cannot make one check cost gigabytes.</summary>
    public const int MinMemoryKiB = 8;

    public const int MaxMemoryKiB = 1024 * 1024;

    public const int MaxPasses = 64;

    public static byte[] Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int memoryKiB, int passes, int length)
    {
        var parameters = new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memoryKiB, NumberOfPasses = passes };
        return PasswordBasedKeyDerivationAlgorithm.Argon2id(parameters).DeriveBytes(password, salt, length);
    }
}
