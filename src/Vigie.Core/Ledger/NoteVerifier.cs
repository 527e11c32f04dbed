using NSec.Cryptography;

namespace Vigie.Core.Ledger;

/// <summary>
/// An Ed25519 signed-note verifier key, written <c>&lt;name&gt;+&lt;8 hex key id&gt;+&lt;base64(0x01 || public key)&gt;</c>
/// (the format of Go's note package, which C2SP signed-note keys follow).
/// </summary>
public sealed class NoteVerifier
{
    private readonly PublicKey publicKey;
    private readonly byte[] rawPublicKey;

    private NoteVerifier(string name, PublicKey publicKey, byte[] rawPublicKey)
    {
        Name = name;
        this.publicKey = publicKey;
        this.rawPublicKey = rawPublicKey;
        KeyId = NoteFormat.Ed25519KeyId(name, rawPublicKey);
        VerifierKey = $"{name}+{NoteFormat.Hex8(KeyId)}+{Convert.ToBase64String([NoteFormat.Ed25519Type, .. rawPublicKey])}";
    }

    public string Name { get; }

    public uint KeyId { get; }

    public string VerifierKey { get; }

    /// <summary>The raw 32-byte Ed25519 public key (a copy).</summary>
    public byte[] PublicKey => (byte[])rawPublicKey.Clone();

    public static bool TryParse(string verifierKey, out NoteVerifier? verifier, out string? error)
    {
        verifier = null;
        error = Parse(verifierKey, ref verifier);
        return error is null;
    }

    /// <summary>Makes the verifier for a raw Ed25519 public key; the key id is derived from it.</summary>
    public static NoteVerifier FromPublicKey(string name, ReadOnlySpan<byte> publicKey)
    {
        if (NoteFormat.KeyNameError(name) is { } nameError)
        {
            throw new ArgumentException(nameError, nameof(name));
        }

        if (publicKey.Length != NoteFormat.Ed25519KeySize
            || !NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var imported)
            || imported is null)
        {
            throw new ArgumentException("Not a valid 32-byte Ed25519 public key.", nameof(publicKey));
        }

        return new NoteVerifier(name, imported, publicKey.ToArray());
    }

    /// <summary>Checks a 64-byte Ed25519 signature over <paramref name="message"/>; false on any mismatch.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == NoteFormat.Ed25519SignatureSize
        && SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature);

    public override string ToString() => VerifierKey;

    private static string? Parse(string? verifierKey, ref NoteVerifier? verifier)
    {
        if (string.IsNullOrEmpty(verifierKey))
        {
            return "The verifier key is empty.";
        }

        // The name cannot hold '+', but base64 can: split on the first two '+' only.
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3)
        {
            return "A verifier key has the form <name>+<8 hex key id>+<base64 key>.";
        }

        if (NoteFormat.KeyNameError(parts[0]) is { } nameError)
        {
            return nameError;
        }

        if (!NoteFormat.TryParseHex8(parts[1], out var keyId))
        {
            return $"The key id must be 8 hex digits, got \"{parts[1]}\".";
        }

        if (!NoteFormat.TryDecodeBase64(parts[2], out var key))
        {
            return "The key is not canonical base64.";
        }

        if (key.Length != 1 + NoteFormat.Ed25519KeySize || key[0] != NoteFormat.Ed25519Type)
        {
            return "Only Ed25519 verifier keys (type byte 0x01 and a 32-byte public key) are supported.";
        }

        var raw = key[1..];
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var imported)
            || imported is null)
        {
            return "The public key is not a valid Ed25519 key.";
        }

        var candidate = new NoteVerifier(parts[0], imported, raw);
        if (candidate.KeyId != keyId)
        {
            return $"The key id {parts[1]} does not match the key (expected {NoteFormat.Hex8(candidate.KeyId)}).";
        }

        verifier = candidate;
        return null;
    }
}
