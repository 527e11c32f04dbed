namespace Vigie.Core.Concerns;

/// <summary>
/// The text form of concern key files: one line <c>&lt;prefix&gt;&lt;base64 of 32 raw bytes&gt;</c>
/// (RFC 4648 §4 base64 with padding). A trailing newline and surrounding blanks are accepted.
/// </summary>
internal static class ConcernKeyText
{
    public const string PublicPrefix = "vigie-concern-public-key-v1:";
    public const string PrivatePrefix = "vigie-concern-private-key-v1:";

    public static string Format(string prefix, ReadOnlySpan<byte> raw) => prefix + Convert.ToBase64String(raw);

    /// <summary>The 32 raw bytes after <paramref name="prefix"/>, or an error that never quotes key material.</summary>
    public static string? TryRead(string? text, string prefix, string what, out byte[] raw)
    {
        raw = [];
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return $"The {what} file is empty.";
        }

        var other = prefix == PublicPrefix ? PrivatePrefix : PublicPrefix;
        if (trimmed.StartsWith(other, StringComparison.Ordinal))
        {
            return prefix == PublicPrefix
                ? "This is a private key file; give the public key file (vigie-concern-public-key-v1:…) instead, and keep the private one secret."
                : "This is a public key file; reading concerns needs the private key file (vigie-concern-private-key-v1:…).";
        }

        if (!trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            var version = trimmed.StartsWith("vigie-concern-", StringComparison.Ordinal) ? " (an unknown key file version?)" : "";
            return $"A {what} file is one line starting with \"{prefix}\"{version}.";
        }

        if (!StrictBase64.TryDecode(trimmed.AsSpan(prefix.Length), out var bytes) || bytes.Length != DhKemX25519.Size)
        {
            return $"The {what} must be canonical base64 of {DhKemX25519.Size} bytes (the file may be truncated or damaged).";
        }

        raw = bytes;
        return null;
    }
}
