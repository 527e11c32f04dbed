using System.Security.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// RFC 9180 §5.1 KeySchedule in base mode (mode 0x00, no PSK) for the one suite Vigie uses:
/// DHKEM(X25519, HKDF-SHA256) 0x0020, HKDF-SHA256 0x0001, AES-128-GCM 0x0001.
/// </summary>
internal static class HpkeKeySchedule
{
    public const ushort KdfId = 0x0001;
    public const ushort AeadId = 0x0001;

    /// <summary>Nk of AES-128-GCM.</summary>
    public const int KeySize = 16;

    /// <summary>Nn of AES-128-GCM.</summary>
    public const int NonceSize = 12;

    /// <summary>Nt of AES-128-GCM.</summary>
    public const int TagSize = 16;

    private const byte ModeBase = 0x00;

    /// <summary>suite_id = "HPKE" ‖ I2OSP(kem_id, 2) ‖ I2OSP(kdf_id, 2) ‖ I2OSP(aead_id, 2).</summary>
    private static ReadOnlySpan<byte> SuiteId =>
    [
        (byte)'H', (byte)'P', (byte)'K', (byte)'E',
        DhKemX25519.KemId >> 8, DhKemX25519.KemId & 0xff, KdfId >> 8, KdfId & 0xff, AeadId >> 8, AeadId & 0xff,
    ];

    /// <summary>key_schedule_context = mode ‖ psk_id_hash ‖ info_hash, with an empty psk_id.</summary>
    public static byte[] Context(ReadOnlySpan<byte> info)
    {
        var pskIdHash = HpkeLabels.Extract(SuiteId, [], "psk_id_hash", []);
        var infoHash = HpkeLabels.Extract(SuiteId, [], "info_hash", info);
        return [ModeBase, .. pskIdHash, .. infoHash];
    }

    /// <summary>secret = LabeledExtract(shared_secret, "secret", psk) with an empty psk.</summary>
    public static byte[] Secret(ReadOnlySpan<byte> sharedSecret) => HpkeLabels.Extract(SuiteId, sharedSecret, "secret", []);

    /// <summary>The AEAD key and base nonce of a base-mode context (the exporter secret is not used).</summary>
    public static (byte[] Key, byte[] BaseNonce) Derive(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info)
    {
        var context = Context(info);
        var secret = Secret(sharedSecret);
        try
        {
            return (HpkeLabels.Expand(SuiteId, secret, "key", context, KeySize),
                HpkeLabels.Expand(SuiteId, secret, "base_nonce", context, NonceSize));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
