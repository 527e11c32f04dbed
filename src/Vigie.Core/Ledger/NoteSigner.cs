using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Vigie.Core.Ledger;

/// <summary>
/// An Ed25519 signed-note signer. Its secret form is Go's note signer key
/// <c>PRIVATE+KEY+&lt;name&gt;+&lt;8 hex key id&gt;+&lt;base64(0x01 || 32-byte seed)&gt;</c>; never log it.
/// Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so a note signs to the same bytes every time.
/// </summary>
public sealed class NoteSigner
{
    private const string SignerPrefix = "PRIVATE+KEY+";

    private readonly Key key;
    private readonly byte[] seed;

    private NoteSigner(string name, byte[] seed)
    {
        Name = name;
        this.seed = seed;
        key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        Verifier = NoteVerifier.FromPublicKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string Name { get; }

    public uint KeyId => Verifier.KeyId;

    public NoteVerifier Verifier { get; }

    /// <summary>The secret signer key string. Store it like a password (file mode 0600); never log it.</summary>
    public string SignerKey =>
        $"{SignerPrefix}{Name}+{NoteFormat.Hex8(KeyId)}+{Convert.ToBase64String([NoteFormat.Ed25519Type, .. seed])}";

    public static NoteSigner Generate(string name)
    {
        if (NoteFormat.KeyNameError(name) is { } nameError)
        {
            throw new ArgumentException(nameError, nameof(name));
        }

        return new NoteSigner(name, RandomNumberGenerator.GetBytes(NoteFormat.Ed25519KeySize));
    }

    public static bool TryParse(string signerKey, out NoteSigner? signer, out string? error)
    {
        signer = null;
        error = Parse(signerKey, ref signer);
        return error is null;
    }

    /// <summary>
    /// Signs note text and returns the whole signed note: the text, a blank line and one signature
    /// line <c>— &lt;name&gt; base64(key id || signature)</c> (C2SP signed-note "Format").
    /// </summary>
    public string Sign(string text)
    {
        if (NoteFormat.TextError(text) is { } textError)
        {
            throw new ArgumentException(textError, nameof(text));
        }

        return text + "\n" + SignatureLine(text);
    }

    /// <summary>The signature line (with its newline) this key adds to <paramref name="text"/>,
    /// for notes that gather several signatures.</summary>
    public string SignatureLine(string text)
    {
        if (NoteFormat.TextError(text) is { } textError)
        {
            throw new ArgumentException(textError, nameof(text));
        }

        var signature = new byte[4 + NoteFormat.Ed25519SignatureSize];
        BinaryPrimitives.WriteUInt32BigEndian(signature, KeyId);
        SignatureAlgorithm.Ed25519.Sign(key, NoteFormat.StrictUtf8.GetBytes(text), signature.AsSpan(4));
        return $"{NoteFormat.SignaturePrefix}{Name} {Convert.ToBase64String(signature)}\n";
    }

    /// <summary>A bare 64-byte Ed25519 signature over <paramref name="message"/> (e.g. DSSE envelopes).</summary>
    public byte[] SignRaw(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(key, message);

    /// <summary>Deliberately not the key: signer objects end up in logs and debugger views.</summary>
    public override string ToString() => $"NoteSigner({Name}+{NoteFormat.Hex8(KeyId)})";

    private static string? Parse(string? signerKey, ref NoteSigner? signer)
    {
        if (string.IsNullOrEmpty(signerKey) || !signerKey.StartsWith(SignerPrefix, StringComparison.Ordinal))
        {
            return "A signer key starts with \"PRIVATE+KEY+\".";
        }

        // Error messages never quote the key material.
        var parts = signerKey[SignerPrefix.Length..].Split('+', 3);
        if (parts.Length != 3)
        {
            return "A signer key has the form PRIVATE+KEY+<name>+<8 hex key id>+<base64 key>.";
        }

        if (NoteFormat.KeyNameError(parts[0]) is { } nameError)
        {
            return nameError;
        }

        if (!NoteFormat.TryParseHex8(parts[1], out var keyId))
        {
            return "The key id must be 8 hex digits.";
        }

        if (!NoteFormat.TryDecodeBase64(parts[2], out var blob)
            || blob.Length != 1 + NoteFormat.Ed25519KeySize || blob[0] != NoteFormat.Ed25519Type)
        {
            return "The key must be canonical base64 of the type byte 0x01 and a 32-byte Ed25519 seed.";
        }

        var candidate = new NoteSigner(parts[0], blob[1..]);
        if (candidate.KeyId != keyId)
        {
            return $"The key id {parts[1]} does not match the key (expected {NoteFormat.Hex8(candidate.KeyId)}).";
        }

        signer = candidate;
        return null;
    }
}
