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

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes(ConcernEnvelope.Version + " content key");
    private static readonly byte[] CommitmentInfo = Encoding.ASCII.GetBytes(ConcernEnvelope.Version + " key commitment");
    private static readonly byte[] Aad = Encoding.ASCII.GetBytes(ConcernEnvelope.Version);
    private static readonly byte[] Nonce = new byte[HpkeKeySchedule.NonceSize];

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretSize);

    public static byte[] Commitment(ReadOnlySpan<byte> secret) =>
        KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(secret, [], CommitmentInfo, CommitmentSize);

    /// <summary>
    /// AES-128-GCM of the content under the derived key. The nonce is all zero: the key comes
    /// from a fresh random secret and encrypts exactly one message, so it is never reused.
    /// </summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> content)
    {
        using var aes = Aes(secret);
        var output = new byte[content.Length + HpkeKeySchedule.TagSize];
        aes.Encrypt(Nonce, content, output.AsSpan(0, content.Length), output.AsSpan(content.Length), Aad);
        return output;
    }

    /// <summary>The content, or null when the ciphertext does not authenticate.</summary>
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
            return output;
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
