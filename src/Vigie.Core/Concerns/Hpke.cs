using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// Hybrid Public Key Encryption, RFC 9180, base mode, single-shot (§6.1) — with exactly one
/// suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM (ids 0x0020, 0x0001, 0x0001).
/// A browser can do the same with WebCrypto (X25519, HMAC-SHA-256, AES-GCM); see
/// docs/decisions/0005-concern-encryption.md. Checked against RFC 9180 Appendix A.1.1.
/// </summary>
public static class Hpke
{
    /// <summary>The suite, as RFC 9180 names it.</summary>
    public const string Suite = "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM";

    /// <summary>Bytes an open adds to the plaintext: the AES-GCM tag.</summary>
    public const int TagSize = HpkeKeySchedule.TagSize;

    /// <summary>Length of <see cref="HpkeSealed.Enc"/>.</summary>
    public const int EncSize = DhKemX25519.Size;

    /// <summary>
    /// SealBase(pkR, info, aad, pt) with a fresh ephemeral key. <paramref name="info"/> binds the
    /// result to an application context, <paramref name="aad"/> to data sent alongside it; the
    /// recipient must pass the same values to <see cref="TryOpen"/>.
    /// </summary>
    public static HpkeSealed Seal(ConcernPublicKey recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var ephemeral = DhKemX25519.GeneratePrivateKey();
        try
        {
            return Seal(recipient.RawBytes, ephemeral, info, aad, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
        }
    }

    /// <summary>
    /// OpenBase(enc, skR, info, aad, ct). False when the ciphertext, enc, info or aad was altered,
    /// when the key is not the one it was sealed to, or when an input has the wrong length.
    /// </summary>
    public static bool TryOpen(
        ConcernKeyPair recipient,
        ReadOnlySpan<byte> enc,
        ReadOnlySpan<byte> info,
        ReadOnlySpan<byte> aad,
        ReadOnlySpan<byte> ciphertext,
        [NotNullWhen(true)] out byte[]? plaintext)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        plaintext = null;
        if (ciphertext.Length < TagSize || DhKemX25519.Decap(enc, recipient.RawPrivateKey) is not { } sharedSecret)
        {
            return false;
        }

        var (key, nonce) = HpkeKeySchedule.Derive(sharedSecret, info);
        CryptographicOperations.ZeroMemory(sharedSecret);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            var output = new byte[ciphertext.Length - TagSize];
            try
            {
                // Single-shot: sequence number 0, so the nonce is base_nonce itself (§5.2).
                aes.Decrypt(nonce, ciphertext[..^TagSize], ciphertext[^TagSize..], output, aad);
            }
            catch (AuthenticationTagMismatchException)
            {
                return false;
            }

            plaintext = output;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The deterministic seam: SealBase with the ephemeral private key given (RFC 9180 test vectors).</summary>
    internal static HpkeSealed Seal(
        ReadOnlySpan<byte> recipientPublicKey,
        ReadOnlySpan<byte> ephemeralPrivateKey,
        ReadOnlySpan<byte> info,
        ReadOnlySpan<byte> aad,
        ReadOnlySpan<byte> plaintext)
    {
        // ConcernPublicKey refuses low-order points, so only a raw-bytes caller can get here.
        if (DhKemX25519.Encap(recipientPublicKey, ephemeralPrivateKey) is not var (sharedSecret, enc))
        {
            throw new ArgumentException("The recipient public key is a low-order X25519 point.", nameof(recipientPublicKey));
        }

        var (key, nonce) = HpkeKeySchedule.Derive(sharedSecret, info);
        CryptographicOperations.ZeroMemory(sharedSecret);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            var ciphertext = new byte[plaintext.Length + TagSize];
            aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), aad);
            return new HpkeSealed(enc, ciphertext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
