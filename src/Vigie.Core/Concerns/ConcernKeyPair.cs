using System.Diagnostics.CodeAnalysis;

namespace Vigie.Core.Concerns;

/// <summary>
/// A concern recipient's X25519 key pair, made on the recipient's own machine. Its private key
/// file is one line <c>vigie-concern-private-key-v1:&lt;base64 of the 32-byte private key&gt;</c>;
/// store it like a password (file mode 0600) and never send it to the server. The public key
/// file (<see cref="ConcernPublicKey.Export"/>) is what gets registered.
/// </summary>
public sealed class ConcernKeyPair
{
    private readonly byte[] privateKey;

    private ConcernKeyPair(byte[] privateKey, ConcernPublicKey publicKey)
    {
        this.privateKey = privateKey;
        PublicKey = publicKey;
    }

    public ConcernPublicKey PublicKey { get; }

    internal ReadOnlySpan<byte> RawPrivateKey => privateKey;

    /// <summary>A new random key pair (libsodium's generator through NSec).</summary>
    public static ConcernKeyPair Generate() => FromPrivate(DhKemX25519.GeneratePrivateKey());

    /// <summary>Reads a private key file's text.</summary>
    public static bool TryImport(string? text, [NotNullWhen(true)] out ConcernKeyPair? keyPair, [NotNullWhen(false)] out string? error)
    {
        keyPair = null;
        if (ConcernKeyProtection.IsProtected(text))
        {
            error = "This private key file is protected by a passphrase: open it with the passphrase (vigie reads it from VIGIE_KEY_PASSPHRASE, or asks in a terminal).";
            return false;
        }

        error = ConcernKeyText.TryRead(text, ConcernKeyText.PrivatePrefix, "private key", out var bytes);
        if (error is null)
        {
            keyPair = FromPrivate(bytes);
        }

        return keyPair is not null;
    }

    /// <summary>Reads a private key file's text.</summary>
    /// <exception cref="FormatException">The text is not a usable private key; the message says why.</exception>
    public static ConcernKeyPair Import(string text) =>
        TryImport(text, out var keyPair, out var error) ? keyPair : throw new FormatException(error);

    /// <summary>The private key file's text (one line, no newline). Secret: never log it.</summary>
    public string ExportPrivateKey() => ConcernKeyText.Format(ConcernKeyText.PrivatePrefix, privateKey);

    /// <summary>Deliberately not the key: key objects end up in logs and debugger views.</summary>
    public override string ToString() => $"ConcernKeyPair({PublicKey.KeyId})";

    /// <summary>
    /// The key pair of any 32-byte X25519 private key (RFC 9180 test vectors use this). Every
    /// such key is usable: a clamped scalar times the base point is never a low-order point.
    /// </summary>
    internal static ConcernKeyPair FromPrivate(byte[] privateKey) =>
        new(privateKey, ConcernPublicKey.FromTrustedRaw(DhKemX25519.PublicKeyOf(privateKey)));
}
