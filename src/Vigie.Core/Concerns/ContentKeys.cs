using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// What an envelope's 32-byte content secret expands to (HKDF-SHA256, RFC 5869, empty salt):
/// the AES-128-GCM content key and a 32-byte key commitment published in the envelope. AES-GCM
/// is not key-committing, so without the commitment a sender could seal different secrets to
/// different recipients that open one ciphertext to different texts.
/// </summary>
internal static class ContentKeys
{
    public const int SecretSize = 32;
    public const int CommitmentSize = 32;

    /// <summary>Content is padded to a multiple of this many bytes, so its length says little about its author.</summary>
    public const int PaddingBlock = 1024;

    private const byte PaddingMarker = 0x80;

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes(ConcernEnvelope.Version + " content key");
    private static readonly byte[] CommitmentInfo = Encoding.ASCII.GetBytes(ConcernEnvelope.Version + " key commitment");
    private static readonly byte[] Aad = Encoding.ASCII.GetBytes(ConcernEnvelope.Version);
    private static readonly byte[] Nonce = new byte[HpkeKeySchedule.NonceSize];

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretSize);

    public static byte[] Commitment(ReadOnlySpan<byte> secret) =>
        KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(secret, [], CommitmentInfo, CommitmentSize);

    /// <summary>
    /// AES-128-GCM of the padded content (<see cref="Pad"/>) under the derived key. The nonce
    /// is all zero: the key comes from a fresh random secret and encrypts exactly one message,
    /// so a key and nonce pair is never reused.
    /// </summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> content)
    {
        var padded = Pad(content);
        try
        {
            return EncryptPadded(secret, padded);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
        }
    }

    /// <summary>
    /// ISO/IEC 7816-4 padding: the content, a 0x80 byte, then zero bytes up to the next multiple
    /// of <see cref="PaddingBlock"/> (always at least one byte of padding).
    /// </summary>
    public static byte[] Pad(ReadOnlySpan<byte> content)
    {
        var padded = new byte[(content.Length / PaddingBlock + 1) * PaddingBlock];
        content.CopyTo(padded);
        padded[content.Length] = PaddingMarker;
        return padded;
    }

    /// <summary>AES-128-GCM of bytes already padded (tests use it to build wrongly padded content).</summary>
    public static byte[] EncryptPadded(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> padded)
    {
        using var aes = Aes(secret);
        var output = new byte[padded.Length + HpkeKeySchedule.TagSize];
        aes.Encrypt(Nonce, padded, output.AsSpan(0, padded.Length), output.AsSpan(padded.Length), Aad);
        return output;
    }

    /// <summary>The content, or null when the ciphertext does not authenticate or its padding is wrong.</summary>
    public static byte[]? Decrypt(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < HpkeKeySchedule.TagSize)
        {
            return null;
        }

        using var aes = Aes(secret);
        var output = new byte[ciphertext.Length - HpkeKeySchedule.TagSize];
        try
        {
            aes.Decrypt(Nonce, ciphertext[..^HpkeKeySchedule.TagSize], ciphertext[^HpkeKeySchedule.TagSize..], output, Aad);
            var marker = output.AsSpan().LastIndexOfAnyExcept((byte)0);
            return marker >= 0 && output[marker] == PaddingMarker ? output[..marker] : null;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static AesGcm Aes(ReadOnlySpan<byte> secret)
    {
        var key = KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(secret, [], KeyInfo, HpkeKeySchedule.KeySize);
        try
        {
            return new AesGcm(key, HpkeKeySchedule.TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
