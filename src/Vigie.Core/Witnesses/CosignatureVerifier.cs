using NSec.Cryptography;
using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// A witness's public key for C2SP tlog-cosignature v1, written as a signed-note verifier key
/// with type 0x04: <c>&lt;name&gt;+&lt;8 hex key id&gt;+&lt;base64(0x04 ‖ 32-byte Ed25519 key)&gt;</c>,
/// where the key id is SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4] ("Format").
/// </summary>
public sealed class CosignatureVerifier
{
    private readonly PublicKey publicKey;
    private readonly byte[] raw;

    private CosignatureVerifier(string name, PublicKey publicKey, byte[] raw)
    {
        Name = name;
        this.publicKey = publicKey;
        this.raw = raw;
        KeyId = NoteFormat.KeyId(name, NoteFormat.Ed25519CosignatureType, raw);
        VerifierKey = $"{name}+{NoteFormat.Hex8(KeyId)}+{Convert.ToBase64String([NoteFormat.Ed25519CosignatureType, .. raw])}";
    }

    public string Name { get; }

    public uint KeyId { get; }

    public string VerifierKey { get; }

    /// <summary>The raw 32-byte Ed25519 public key (a copy).</summary>
    public byte[] PublicKey => (byte[])raw.Clone();

    public static CosignatureVerifier FromPublicKey(string name, ReadOnlySpan<byte> rawPublicKey)
    {
        if (NoteFormat.KeyNameError(name) is { } nameError)
        {
            throw new ArgumentException(nameError, nameof(name));
        }

        if (rawPublicKey.Length != NoteFormat.Ed25519KeySize
            || !NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new ArgumentException("Not a valid 32-byte Ed25519 public key.", nameof(rawPublicKey));
        }

        return new CosignatureVerifier(name, key, rawPublicKey.ToArray());
    }

    public static bool TryParse(string? verifierKey, out CosignatureVerifier? verifier, out string? error)
    {
        verifier = null;
        var parts = (verifierKey ?? "").Trim().Split('+', 3);
        if (parts.Length != 3)
        {
            error = "A witness key has the form <name>+<8 hex key id>+<base64 key>.";
            return false;
        }

        if (NoteFormat.KeyNameError(parts[0]) is { } nameError)
        {
            error = nameError;
            return false;
        }

        if (!NoteFormat.TryParseHex8(parts[1], out var keyId))
        {
            error = $"The key id must be 8 hex digits, got \"{parts[1]}\".";
            return false;
        }

        if (!NoteFormat.TryDecodeBase64(parts[2], out var blob) || blob.Length != 1 + NoteFormat.Ed25519KeySize)
        {
            error = "The key must be canonical base64 of a type byte and a 32-byte Ed25519 key.";
            return false;
        }

        if (blob[0] != NoteFormat.Ed25519CosignatureType)
        {
            error = blob[0] == NoteFormat.Ed25519Type
                ? "This is a log (signed-note type 0x01) key, not a witness key: a witness's cosignature key has type 0x04 (C2SP tlog-cosignature)."
                : $"Only Ed25519 cosignature keys (type 0x04) are supported, not type 0x{blob[0]:x2}.";
            return false;
        }

        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, blob.AsSpan(1), KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            error = "The public key is not a valid Ed25519 key.";
            return false;
        }

        var candidate = new CosignatureVerifier(parts[0], key, blob[1..]);
        if (candidate.KeyId != keyId)
        {
            error = $"The key id {parts[1]} does not match the key (expected {NoteFormat.Hex8(candidate.KeyId)}).";
            return false;
        }

        verifier = candidate;
        error = null;
        return true;
    }

    /// <summary>Whether a signature line is this witness's: name and key id both match ("clients ... ignore any signature lines that don't match").</summary>
    public bool IsSigner(NoteSignature signature) => signature.Name == Name && signature.KeyId == KeyId;

    /// <summary>Checks a cosignature by this key over <paramref name="checkpointText"/> (the note text, without signature lines).</summary>
    public ProofCheck Verify(Cosignature cosignature, string checkpointText)
    {
        ArgumentNullException.ThrowIfNull(cosignature);
        if (cosignature.Name != Name || cosignature.KeyId != KeyId)
        {
            return ProofCheck.Fail($"The cosignature is by {cosignature.Name}+{NoteFormat.Hex8(cosignature.KeyId)}, not by {Name}+{NoteFormat.Hex8(KeyId)}.");
        }

        return cosignature.Signature.Length == NoteFormat.Ed25519SignatureSize
            && SignatureAlgorithm.Ed25519.Verify(publicKey, Cosignature.Message(checkpointText, cosignature.Timestamp), cosignature.Signature)
            ? ProofCheck.Ok
            : ProofCheck.Fail($"The cosignature by witness {Name} does not verify over this checkpoint: it was altered or made for another checkpoint.");
    }

    public override string ToString() => VerifierKey;
}
