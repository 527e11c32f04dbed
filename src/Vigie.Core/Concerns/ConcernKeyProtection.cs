using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core.Concerns;

/// <summary>
/// A private key file protected by a passphrase (ADR 0005 addendum "Key files"), one line:
/// <c>vigie-concern-private-key-v2:argon2id:m=&lt;KiB&gt;,t=&lt;passes&gt;:&lt;salt&gt;:&lt;nonce&gt;:&lt;sealed key&gt;</c>,
/// byte strings in canonical base64. The key that seals it is Argon2id (RFC 9106, libsodium via
/// NSec: one lane) of the passphrase's UTF-8 bytes (NFC) with the 16-byte salt, 32 bytes; the
/// 32-byte X25519 private key is sealed with AES-256-GCM under a random 12-byte nonce, with
/// everything before the nonce as associated data, so the parameters and salt cannot be changed
/// without the file failing to open.
/// </summary>
public static class ConcernKeyProtection
{
    public const string Prefix = "vigie-concern-private-key-v2:";

    private const string Kdf = "argon2id";

    /// <summary>RFC 9106 §4's second recommended setting, as far as libsodium goes (one lane): 64 MiB, 3 passes.</summary>
    public const int DefaultMemoryKiB = 64 * 1024;

    public const int DefaultPasses = 3;

    /// <summary>Shorter passphrases are refused when protecting a key.</summary>
    public const int MinPassphraseLength = 10;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static bool IsProtected(string? text) => text?.TrimStart().StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The protected file's text for <paramref name="key"/>; null with an error when the passphrase is too short.</summary>
    public static string? Protect(ConcernKeyPair key, string passphrase, out string? error, int memoryKiB = DefaultMemoryKiB, int passes = DefaultPasses)
    {
        ArgumentNullException.ThrowIfNull(key);
        if ((error = PassphraseError(passphrase)) is not null)
        {
            return null;
        }

        return Protect(key.RawPrivateKey, passphrase, RandomNumberGenerator.GetBytes(ReceiptArgon2.SaltSize), RandomNumberGenerator.GetBytes(NonceSize), memoryKiB, passes);
    }

    /// <summary>With the salt and nonce given: for known-answer tests only.</summary>
    internal static string Protect(ReadOnlySpan<byte> privateKey, string passphrase, byte[] salt, byte[] nonce, int memoryKiB, int passes)
    {
        var header = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Kdf}:m={memoryKiB},t={passes}:{Convert.ToBase64String(salt)}:");
        var sealedKey = new byte[privateKey.Length + TagSize];
        using (var aes = new AesGcm(Derive(passphrase, salt, memoryKiB, passes), TagSize))
        {
            aes.Encrypt(nonce, privateKey, sealedKey.AsSpan(0, privateKey.Length), sealedKey.AsSpan(privateKey.Length), Encoding.ASCII.GetBytes(header));
        }

        return header + Convert.ToBase64String(nonce) + ":" + Convert.ToBase64String(sealedKey);
    }

    /// <summary>Opens a protected private key file's text with its passphrase; errors never quote key material.</summary>
    public static bool TryOpen(string? text, string passphrase, [NotNullWhen(true)] out ConcernKeyPair? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        var line = text?.Trim() ?? "";
        var parts = line.Split(':');
        if (!line.StartsWith(Prefix, StringComparison.Ordinal) || parts.Length != 6 || parts[1] != Kdf)
        {
            error = $"A passphrase-protected private key file is one line starting with \"{Prefix}{Kdf}:\".";
            return false;
        }

        if (!TryParameters(parts[2], out var memoryKiB, out var passes))
        {
            error = $"The key file's Argon2id parameters must be m=<{ReceiptArgon2.MinMemoryKiB}-{ReceiptArgon2.MaxMemoryKiB} KiB>,t=<1-{ReceiptArgon2.MaxPasses}>.";
            return false;
        }

        if (!StrictBase64.TryDecode(parts[3], out var salt) || salt.Length != ReceiptArgon2.SaltSize
            || !StrictBase64.TryDecode(parts[4], out var nonce) || nonce.Length != NonceSize
            || !StrictBase64.TryDecode(parts[5], out var sealedKey) || sealedKey.Length != DhKemX25519.Size + TagSize)
        {
            error = "The protected key file is damaged or truncated (salt, nonce or sealed key has the wrong size).";
            return false;
        }

        var header = line[..(line.Length - parts[4].Length - parts[5].Length - 1)];
        var privateKey = new byte[DhKemX25519.Size];
        try
        {
            using var aes = new AesGcm(Derive(passphrase, salt, memoryKiB, passes), TagSize);
            aes.Decrypt(nonce, sealedKey.AsSpan(0, DhKemX25519.Size), sealedKey.AsSpan(DhKemX25519.Size), privateKey, Encoding.ASCII.GetBytes(header));
        }
        catch (AuthenticationTagMismatchException)
        {
            error = "The passphrase is wrong, or the key file was altered.";
            return false;
        }

        key = ConcernKeyPair.FromPrivate(privateKey);
        error = null;
        return true;
    }

    public static string? PassphraseError(string? passphrase) =>
        passphrase is null || passphrase.Normalize(NormalizationForm.FormC).Length < MinPassphraseLength
            ? $"A key file passphrase has at least {MinPassphraseLength} characters; a few unrelated words are best."
            : null;

    private static byte[] Derive(string passphrase, byte[] salt, int memoryKiB, int passes) =>
        ReceiptArgon2.Derive(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)), salt, memoryKiB, passes, 32);

    private static bool TryParameters(string text, out int memoryKiB, out int passes)
    {
        memoryKiB = passes = 0;
        var pieces = text.Split(',');
        return pieces.Length == 2 && pieces[0].StartsWith("m=", StringComparison.Ordinal) && pieces[1].StartsWith("t=", StringComparison.Ordinal)
            && int.TryParse(pieces[0].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out memoryKiB)
            && int.TryParse(pieces[1].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out passes)
            && memoryKiB is >= ReceiptArgon2.MinMemoryKiB and <= ReceiptArgon2.MaxMemoryKiB && passes is >= 1 and <= ReceiptArgon2.MaxPasses
            && pieces[0] == "m=" + memoryKiB.ToString(CultureInfo.InvariantCulture) && pieces[1] == "t=" + passes.ToString(CultureInfo.InvariantCulture);
    }
}
