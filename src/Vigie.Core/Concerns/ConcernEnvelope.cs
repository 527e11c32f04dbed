using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vigie.Core.Concerns;

/// <summary>
/// A concern's content sealed to several recipients (format <see cref="Version"/>, described in
/// docs/decisions/0005-concern-encryption.md). The content is encrypted once under a random
/// content secret; the secret is sealed to each recipient with HPKE (<see cref="Hpke"/>), and a
/// key commitment makes every recipient who can open it read the same content. Whoever holds
/// no recipient key, the server included, learns only the recipient key ids and the content
/// length rounded up to a multiple of 1024 bytes.
/// </summary>
public sealed class ConcernEnvelope
{
    /// <summary>The format version, written as the envelope's <c>version</c> member.</summary>
    public const string Version = "vigie-concern-envelope/v1";

    /// <summary>Most recipients one envelope may name.</summary>
    public const int MaxRecipients = 16;

    /// <summary>HPKE info: binds the sealed secrets to this format.</summary>
    internal static readonly byte[] HpkeInfo = Encoding.ASCII.GetBytes(Version);

    private readonly IReadOnlyList<ConcernEnvelopeSlot> slots;
    private readonly byte[] keyCommitment;
    private readonly byte[] ciphertext;

    internal ConcernEnvelope(IReadOnlyList<ConcernEnvelopeSlot> slots, byte[] keyCommitment, byte[] ciphertext)
    {
        this.slots = slots;
        this.keyCommitment = keyCommitment;
        this.ciphertext = ciphertext;
        RecipientKeyIds = [.. slots.Select(s => s.KeyId)];
    }

    /// <summary>The <see cref="ConcernPublicKey.KeyId"/> of every recipient, in envelope order.</summary>
    public IReadOnlyList<string> RecipientKeyIds { get; }

    /// <summary>
    /// Length of the sealed content in bytes: the content padded to a multiple of 1024 bytes,
    /// plus the 16-byte tag. Only this, never the exact content length, is visible without a key.
    /// </summary>
    public int CiphertextLength => ciphertext.Length;

    internal ReadOnlySpan<byte> KeyCommitment => keyCommitment;

    internal ReadOnlySpan<byte> Ciphertext => ciphertext;

    /// <summary>Seals <paramref name="content"/> to every recipient.</summary>
    /// <exception cref="ArgumentException">No recipients, more than <see cref="MaxRecipients"/>, or one key twice.</exception>
    public static ConcernEnvelope Seal(ReadOnlySpan<byte> content, IReadOnlyCollection<ConcernPublicKey> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var secret = ContentKeys.NewSecret();
        try
        {
            return Seal(content, recipients, secret, _ => DhKemX25519.GeneratePrivateKey());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Reads an envelope's JSON text, refusing anything that is not exactly a v1 envelope.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out ConcernEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        ConcernEnvelopeReader.TryRead(json, out envelope, out error);

    /// <summary>Reads an envelope embedded in a larger JSON document (e.g. a request body).</summary>
    public static bool TryParse(JsonElement json, [NotNullWhen(true)] out ConcernEnvelope? envelope, [NotNullWhen(false)] out string? error) =>
        ConcernEnvelopeReader.TryRead(json.ValueKind == JsonValueKind.Undefined ? null : json.GetRawText(), out envelope, out error);

    /// <summary>
    /// The envelope as canonical JSON (RFC 8785: sorted members, no whitespace), so one envelope
    /// has exactly one text and one <see cref="Digest"/>.
    /// </summary>
    public string ToJson()
    {
        var json = new StringBuilder(ciphertext.Length * 4 / 3 + 256);
        json.Append("{\"ciphertext\":\"").Append(Convert.ToBase64String(ciphertext))
            .Append("\",\"keyCommitment\":\"").Append(Convert.ToBase64String(keyCommitment))
            .Append("\",\"recipients\":[");
        for (var i = 0; i < slots.Count; i++)
        {
            json.Append(i == 0 ? "" : ",")
                .Append("{\"enc\":\"").Append(Convert.ToBase64String(slots[i].Enc))
                .Append("\",\"keyId\":\"").Append(slots[i].KeyId)
                .Append("\",\"sealedKey\":\"").Append(Convert.ToBase64String(slots[i].SealedSecret))
                .Append("\"}");
        }

        // Base64, hex and the version need no JSON escaping, so this text is already canonical.
        return json.Append("],\"version\":\"").Append(Version).Append("\"}").ToString();
    }

    /// <summary>SHA-256 of the UTF-8 <see cref="ToJson"/> text: what a reporter can match against the log.</summary>
    public byte[] Digest() => SHA256.HashData(Encoding.UTF8.GetBytes(ToJson()));

    /// <summary>True when one of the recipients is <paramref name="key"/>'s key id.</summary>
    public bool IsSealedTo(ConcernPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RecipientKeyIds.Contains(key.KeyId, StringComparer.Ordinal);
    }

    /// <summary>Opens the envelope with a recipient's private key.</summary>
    public ConcernOpenResult Open(ConcernKeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Key ids are unique within an envelope (the reader refuses repeats).
        var slot = slots.FirstOrDefault(s => s.KeyId == key.PublicKey.KeyId);
        if (slot is null)
        {
            return ConcernOpenResult.Failed(ConcernOpenError.NotARecipient,
                $"This concern is not sealed to key {key.PublicKey.KeyId}; it is sealed to {string.Join(", ", RecipientKeyIds)}. "
                + "Check that this is your private key file, and that the concern was routed to you.");
        }

        if (!Hpke.TryOpen(key, slot.Enc, HpkeInfo, keyCommitment, slot.SealedSecret, out var secret))
        {
            return Tampered("the part sealed to this key does not authenticate");
        }

        try
        {
            if (!CryptographicOperations.FixedTimeEquals(ContentKeys.Commitment(secret), keyCommitment))
            {
                return Tampered("its key commitment does not match (it may show different recipients different content)");
            }

            return ContentKeys.Decrypt(secret, ciphertext) is { } content
                ? ConcernOpenResult.Opened(content)
                : Tampered("the content does not authenticate, or its padding is wrong");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// The deterministic seam: the content secret and each recipient's ephemeral private key given
    /// (<paramref name="ephemeralKey"/> gets the recipient's index and must return a new array: it is wiped after use).
    /// </summary>
    internal static ConcernEnvelope Seal(
        ReadOnlySpan<byte> content,
        IReadOnlyCollection<ConcernPublicKey> recipients,
        ReadOnlySpan<byte> contentSecret,
        Func<int, byte[]> ephemeralKey)
    {
        if (recipients.Count is 0 or > MaxRecipients)
        {
            throw new ArgumentException($"An envelope has 1 to {MaxRecipients} recipients, not {recipients.Count}.", nameof(recipients));
        }

        if (recipients.Distinct().Count() != recipients.Count)
        {
            throw new ArgumentException("A recipient key appears twice.", nameof(recipients));
        }

        var commitment = ContentKeys.Commitment(contentSecret);
        var slots = new List<ConcernEnvelopeSlot>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var ephemeral = ephemeralKey(slots.Count);
            var sealedSecret = Hpke.Seal(recipient.RawBytes, ephemeral, HpkeInfo, commitment, contentSecret);
            CryptographicOperations.ZeroMemory(ephemeral);
            slots.Add(new ConcernEnvelopeSlot(recipient.KeyId, sealedSecret.Enc, sealedSecret.Ciphertext));
        }

        return new ConcernEnvelope(slots, commitment, ContentKeys.Encrypt(contentSecret, content));
    }

    private static ConcernOpenResult Tampered(string what) =>
        ConcernOpenResult.Failed(ConcernOpenError.Tampered,
            $"This concern cannot be opened: {what}. It was altered or damaged after it was sealed; keep the copy as evidence and report it.");
}
