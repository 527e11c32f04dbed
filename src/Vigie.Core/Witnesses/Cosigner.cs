using System.Security.Cryptography;
using NSec.Cryptography;
using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// A witness's signing key for C2SP tlog-cosignature v1 (Ed25519). Its secret form follows Go's
/// note signer keys with the cosignature type byte:
/// <c>PRIVATE+KEY+&lt;name&gt;+&lt;8 hex key id&gt;+&lt;base64(0x04 ‖ 32-byte seed)&gt;</c>; never log it.
/// The Ed25519 message does not commit to the name, so one key must serve one witness name only
/// (tlog-cosignature, "Ed25519 signed message").
/// </summary>
public sealed class Cosigner
{
    private const string SignerPrefix = "PRIVATE+KEY+";

    private readonly Key key;
    private readonly byte[] seed;

    private Cosigner(string name, byte[] seed)
    {
        this.seed = seed;
        key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        Verifier = CosignatureVerifier.FromPublicKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string Name => Verifier.Name;

    public CosignatureVerifier Verifier { get; }

    /// <summary>The secret key string. Store it like a password (file mode 0600).</summary>
    public string SignerKey =>
        $"{SignerPrefix}{Name}+{Verifier.VerifierKey.Split('+')[1]}+{Convert.ToBase64String([NoteFormat.Ed25519CosignatureType, .. seed])}";

    public static Cosigner Generate(string name)
    {
        if (NoteFormat.KeyNameError(name) is { } nameError)
        {
            throw new ArgumentException(nameError, nameof(name));
        }

        return new Cosigner(name, RandomNumberGenerator.GetBytes(NoteFormat.Ed25519KeySize));
    }

    /// <summary>A cosigner from a raw 32-byte seed (known-answer tests, key import).</summary>
    public static Cosigner FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (NoteFormat.KeyNameError(name) is { } nameError)
        {
            throw new ArgumentException(nameError, nameof(name));
        }

        return seed.Length == NoteFormat.Ed25519KeySize
            ? new Cosigner(name, seed.ToArray())
            : throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
    }

    public static bool TryParse(string? signerKey, out Cosigner? cosigner, out string? error)
    {
        cosigner = null;
        var text = (signerKey ?? "").Trim();
        if (!text.StartsWith(SignerPrefix, StringComparison.Ordinal))
        {
            error = "A witness signer key starts with \"PRIVATE+KEY+\".";
            return false;
        }

        // Error messages never quote the key material.
        var parts = text[SignerPrefix.Length..].Split('+', 3);
        if (parts.Length != 3 || NoteFormat.KeyNameError(parts[0]) is not null || !NoteFormat.TryParseHex8(parts[1], out var keyId))
        {
            error = "A witness signer key has the form PRIVATE+KEY+<name>+<8 hex key id>+<base64 key>.";
            return false;
        }

        if (!NoteFormat.TryDecodeBase64(parts[2], out var blob) || blob.Length != 1 + NoteFormat.Ed25519KeySize
            || blob[0] != NoteFormat.Ed25519CosignatureType)
        {
            error = "The key must be canonical base64 of the type byte 0x04 and a 32-byte Ed25519 seed.";
            return false;
        }

        var candidate = new Cosigner(parts[0], blob[1..]);
        if (candidate.Verifier.KeyId != keyId)
        {
            error = "The key id does not match the key.";
            return false;
        }

        cosigner = candidate;
        error = null;
        return true;
    }

    /// <summary>Cosigns a checkpoint's note text (without signature lines) at <paramref name="time"/>, in whole seconds.</summary>
    public Cosignature Cosign(string checkpointText, DateTimeOffset time)
    {
        if (NoteFormat.TextError(checkpointText) is { } textError)
        {
            throw new ArgumentException(textError, nameof(checkpointText));
        }

        var seconds = time.ToUnixTimeSeconds();
        if (seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), "A cosignature's time is after the Unix epoch.");
        }

        var timestamp = (ulong)seconds;
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Cosignature.Message(checkpointText, timestamp));
        return new Cosignature(Name, Verifier.KeyId, timestamp, signature);
    }

    /// <summary>Deliberately not the key: signer objects end up in logs and debugger views.</summary>
    public override string ToString() => $"Cosigner({Verifier.VerifierKey})";
}
