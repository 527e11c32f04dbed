using System.Security.Cryptography;
using NSec.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// DHKEM(X25519, HKDF-SHA256), KEM id 0x0020 (RFC 9180 §4.1, §7.1). X25519 itself is
/// libsodium's through NSec; NSec refuses an all-zero shared secret, which is the check
/// RFC 9180 §7.1.4 requires for X25519.
/// </summary>
internal static class DhKemX25519
{
    public const ushort KemId = 0x0020;

    /// <summary>Nsecret = Nenc = Npk = Nsk = 32 for this KEM.</summary>
    public const int Size = 32;

    /// <summary>suite_id = "KEM" ‖ I2OSP(kem_id, 2).</summary>
    private static ReadOnlySpan<byte> SuiteId => [(byte)'K', (byte)'E', (byte)'M', KemId >> 8, KemId & 0xff];

    /// <summary>DeriveKeyPair(ikm) for X25519 (RFC 9180 §7.1.3): the private key; X25519 clamps it when used.</summary>
    public static byte[] DeriveKeyPair(ReadOnlySpan<byte> ikm)
    {
        var dkpPrk = HpkeLabels.Extract(SuiteId, [], "dkp_prk", ikm);
        try
        {
            return HpkeLabels.Expand(SuiteId, dkpPrk, "sk", [], Size);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dkpPrk);
        }
    }

    /// <summary>SerializePublicKey(pk(sk)): the 32-byte u-coordinate of the private key's public key.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        using var key = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>A fresh random private key, exported so it can be stored in a key file.</summary>
    public static byte[] GeneratePrivateKey()
    {
        using var key = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return key.Export(KeyBlobFormat.RawPrivateKey);
    }

    /// <summary>
    /// Encap(pkR) with the ephemeral private key given (RFC 9180 §4.1): null when the
    /// Diffie-Hellman output is all zero (a low-order recipient key).
    /// </summary>
    public static (byte[] SharedSecret, byte[] Enc)? Encap(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> ephemeralPrivateKey)
    {
        var enc = PublicKeyOf(ephemeralPrivateKey);
        var sharedSecret = SharedSecret(ephemeralPrivateKey, recipientPublicKey, [.. enc, .. recipientPublicKey]);
        return sharedSecret is null ? null : (sharedSecret, enc);
    }

    /// <summary>Decap(enc, skR): null when enc is not 32 bytes or the Diffie-Hellman output is all zero.</summary>
    public static byte[]? Decap(ReadOnlySpan<byte> enc, ReadOnlySpan<byte> recipientPrivateKey)
    {
        if (enc.Length != Size)
        {
            return null;
        }

        return SharedSecret(recipientPrivateKey, enc, [.. enc, .. PublicKeyOf(recipientPrivateKey)]);
    }

    /// <summary>True when X25519 with <paramref name="publicKey"/> gives a usable (non-zero) output.</summary>
    public static bool IsUsablePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Size)
        {
            return false;
        }

        // Clamped scalars are multiples of 8, so a low-order point gives zero with every key:
        // one agreement with a throwaway key finds them all.
        using var probe = Key.Create(KeyAgreementAlgorithm.X25519);
        using var dh = KeyAgreementAlgorithm.X25519.Agree(probe, PublicKey.Import(KeyAgreementAlgorithm.X25519, publicKey, KeyBlobFormat.RawPublicKey));
        return dh is not null;
    }

    /// <summary>ExtractAndExpand(DH(sk, pk), kem_context) (RFC 9180 §4.1).</summary>
    private static byte[]? SharedSecret(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> kemContext)
    {
        using var key = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var peer = PublicKey.Import(KeyAgreementAlgorithm.X25519, publicKey, KeyBlobFormat.RawPublicKey);
        using var dh = KeyAgreementAlgorithm.X25519.Agree(key, peer, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        if (dh is null)
        {
            return null;
        }

        var dhBytes = dh.Export(SharedSecretBlobFormat.RawSharedSecret);
        var eaePrk = HpkeLabels.Extract(SuiteId, [], "eae_prk", dhBytes);
        try
        {
            return HpkeLabels.Expand(SuiteId, eaePrk, "shared_secret", kemContext, Size);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dhBytes);
            CryptographicOperations.ZeroMemory(eaePrk);
        }
    }
}
