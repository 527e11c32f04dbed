using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// The only form in which a receipt is stored: Argon2id of the receipt with a random 16-byte
/// salt, written in the PHC string format
/// <c>$argon2id$v=19$m=&lt;KiB&gt;,t=&lt;passes&gt;,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (base64 without padding),
/// so the parameters travel with each hash and can be raised later without breaking old rows.
/// New hashes use 19 MiB, 2 passes, 1 lane (OWASP's first Argon2id setting).
/// </summary>
public sealed class ConcernReceiptHash
{
    private const string Prefix = "$argon2id$v=19$";

    private static readonly Lazy<ConcernReceiptHash> DecoyHash = new(() =>
        Create(RandomNumberGenerator.GetBytes(ReceiptArgon2.HashSize), ReceiptArgon2.DefaultMemoryKiB, ReceiptArgon2.DefaultPasses));

    private readonly int memoryKiB;
    private readonly int passes;
    private readonly byte[] salt;
    private readonly byte[] hash;

    private ConcernReceiptHash(int memoryKiB, int passes, byte[] salt, byte[] hash)
    {
        this.memoryKiB = memoryKiB;
        this.passes = passes;
        this.salt = salt;
        this.hash = hash;
        Encoded = string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={memoryKiB},t={passes},p=1${Unpadded(salt)}${Unpadded(hash)}");
    }

    /// <summary>
    /// A hash no receipt matches. When a locator finds no concern, verify against this so the
    /// answer takes as long as a wrong receipt for a real concern and does not reveal which
    /// locators exist.
    /// </summary>
    public static ConcernReceiptHash Decoy => DecoyHash.Value;

    /// <summary>The PHC string to store.</summary>
    public string Encoded { get; }

    /// <summary>Hashes a new receipt with a fresh random salt and the default parameters.</summary>
    public static ConcernReceiptHash Create(ConcernReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Create(receipt.HashInput, ReceiptArgon2.DefaultMemoryKiB, ReceiptArgon2.DefaultPasses);
    }

    /// <summary>Reads a stored PHC string (Argon2id, version 19, one lane).</summary>
    public static bool TryParse(string? encoded, [NotNullWhen(true)] out ConcernReceiptHash? hash, [NotNullWhen(false)] out string? error)
    {
        hash = null;
        error = Parse(encoded, ref hash);
        return error is null;
    }

    /// <summary>
    /// Hashes a reporter's access code (<see cref="ConcernReporterKeys.Access"/>) bound to its
    /// locator: what the server stores, so it never holds the receipt itself.
    /// </summary>
    /// <exception cref="ArgumentException">The locator is not 9 symbols or the access code not 32 bytes.</exception>
    public static ConcernReceiptHash CreateForAccess(string locator, ReadOnlySpan<byte> access)
    {
        var password = AccessPassword(locator, access);
        try
        {
            return Create(password, ReceiptArgon2.DefaultMemoryKiB, ReceiptArgon2.DefaultPasses);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>True when <paramref name="access"/> under <paramref name="locator"/> is what this hash was made from.</summary>
    /// <exception cref="ArgumentException">The locator is not 9 symbols or the access code not 32 bytes.</exception>
    public bool VerifyAccess(string locator, ReadOnlySpan<byte> access)
    {
        var password = AccessPassword(locator, access);
        try
        {
            return VerifyPassword(password);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>True when <paramref name="receipt"/> is the one this hash was made from (constant-time compare).</summary>
    public bool Verify(ConcernReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return VerifyPassword(receipt.HashInput);
    }

    public override string ToString() => Encoded;

    internal static ConcernReceiptHash Create(ReadOnlySpan<byte> password, int memoryKiB, int passes)
    {
        var salt = RandomNumberGenerator.GetBytes(ReceiptArgon2.SaltSize);
        return new ConcernReceiptHash(memoryKiB, passes, salt,
            ReceiptArgon2.Derive(password, salt, memoryKiB, passes, ReceiptArgon2.HashSize));
    }

    internal bool VerifyPassword(ReadOnlySpan<byte> password) =>
        CryptographicOperations.FixedTimeEquals(hash, ReceiptArgon2.Derive(password, salt, memoryKiB, passes, hash.Length));

    private static byte[] AccessPassword(string locator, ReadOnlySpan<byte> access)
    {
        ArgumentNullException.ThrowIfNull(locator);
        if (!ConcernReceipt.IsLocator(locator))
        {
            throw new ArgumentException($"A locator is {ConcernReceipt.LocatorLength} Crockford base32 symbols.", nameof(locator));
        }

        if (access.Length != ConcernReporterKeys.AccessSize)
        {
            throw new ArgumentException($"An access code is {ConcernReporterKeys.AccessSize} bytes.", nameof(access));
        }

        return [.. System.Text.Encoding.ASCII.GetBytes(locator), .. access];
    }

    private static string? Parse(string? encoded, ref ConcernReceiptHash? hash)
    {
        if (encoded is null || !encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"A receipt hash starts with \"{Prefix}\" (Argon2id, version 19).";
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return "A receipt hash has the form $argon2id$v=19$m=<KiB>,t=<passes>,p=1$<salt>$<hash>.";
        }

        var settings = parts[0].Split(',');
        if (settings.Length != 3
            || !TryReadSetting(settings[0], "m=", ReceiptArgon2.MinMemoryKiB, ReceiptArgon2.MaxMemoryKiB, out var memoryKiB)
            || !TryReadSetting(settings[1], "t=", 1, ReceiptArgon2.MaxPasses, out var passes)
            || settings[2] != "p=1")
        {
            return $"A receipt hash needs m={ReceiptArgon2.MinMemoryKiB}..{ReceiptArgon2.MaxMemoryKiB} (KiB), "
                + $"t=1..{ReceiptArgon2.MaxPasses} and p=1 (libsodium computes one lane only).";
        }

        if (!TryDecodeUnpadded(parts[1], out var salt) || salt.Length != ReceiptArgon2.SaltSize)
        {
            return $"A receipt hash's salt is {ReceiptArgon2.SaltSize} bytes of unpadded base64.";
        }

        if (!TryDecodeUnpadded(parts[2], out var digest) || digest.Length is < 16 or > 64)
        {
            return "A receipt hash's hash is 16 to 64 bytes of unpadded base64.";
        }

        hash = new ConcernReceiptHash(memoryKiB, passes, salt, digest);
        return null;
    }

    private static bool TryReadSetting(string text, string name, int min, int max, out int value)
    {
        value = 0;
        var digits = text.StartsWith(name, StringComparison.Ordinal) ? text[name.Length..] : "";

        // Canonical decimal only: no sign, no leading zero, so one hash has one text.
        return digits.Length is > 0 and <= 7 && digits.All(char.IsAsciiDigit) && (digits == "0" || digits[0] != '0')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecodeUnpadded(string text, out byte[] bytes)
    {
        bytes = [];
        return text.Length % 4 != 1 && !text.Contains('=', StringComparison.Ordinal)
            && StrictBase64.TryDecode(text + new string('=', (4 - text.Length % 4) % 4), out bytes);
    }
}
