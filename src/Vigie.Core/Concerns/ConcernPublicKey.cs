using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Vigie.Core.Concerns;

/// <summary>
/// A concern recipient's X25519 public key. Its file is one line
/// <c>vigie-concern-public-key-v1:&lt;base64 of the 32-byte key&gt;</c>. Keys that are low-order
/// points (which would make every sealed message readable by anyone) are refused on import.
/// </summary>
public sealed class ConcernPublicKey : IEquatable<ConcernPublicKey>
{
    private readonly byte[] raw;

    private ConcernPublicKey(byte[] raw)
    {
        this.raw = raw;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(raw).AsSpan(0, 8));
    }

    /// <summary>
    /// 16 lowercase hex digits: the first 8 bytes of SHA-256 of the raw key. Envelopes name their
    /// recipients by it, so a recipient finds their part without trying every one.
    /// </summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> RawBytes => raw;

    /// <summary>Reads a public key file's text.</summary>
    public static bool TryImport(string? text, [NotNullWhen(true)] out ConcernPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        error = ConcernKeyText.TryRead(text, ConcernKeyText.PublicPrefix, "public key", out var bytes);
        if (error is null)
        {
            key = FromRaw(bytes, out error);
        }

        return key is not null;
    }

    /// <summary>Reads a public key file's text.</summary>
    /// <exception cref="FormatException">The text is not a usable public key; the message says why.</exception>
    public static ConcernPublicKey Import(string text) =>
        TryImport(text, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>The public key file's text (one line, no newline).</summary>
    public string Export() => ConcernKeyText.Format(ConcernKeyText.PublicPrefix, raw);

    public bool Equals(ConcernPublicKey? other) => other is not null && raw.AsSpan().SequenceEqual(other.raw);

    public override bool Equals(object? obj) => Equals(obj as ConcernPublicKey);

    public override int GetHashCode() => KeyId.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"ConcernPublicKey({KeyId})";

    internal static ConcernPublicKey? FromRaw(byte[] bytes, out string? error)
    {
        if (!DhKemX25519.IsUsablePublicKey(bytes))
        {
            error = "This is not a usable X25519 public key (a low-order point): generate the key pair again.";
            return null;
        }

        error = null;
        return new ConcernPublicKey(bytes);
    }

    /// <summary>A key computed from a private key, which cannot be a low-order point.</summary>
    internal static ConcernPublicKey FromTrustedRaw(byte[] bytes) => new(bytes);
}
