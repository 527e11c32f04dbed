using System.Text.Json;
using Vigie.Core.Json;
using Vigie.Core.Ledger;

namespace Vigie.Core.Attestations;

/// <summary>
/// Signs a <see cref="ReleaseStatement"/> into a DSSE envelope with the log's Ed25519 key, and
/// checks such an envelope's signature. The payload is the statement's RFC 8785 canonical JSON.
/// The key also signs checkpoints (ADR 0009): a PAE starts with "DSSEv1 " and holds no newline,
/// while a note text ends with one and starts with the origin, a key name without spaces — so no
/// signature of one kind can be read as the other.
/// </summary>
public static class ReleaseAttestation
{
    /// <summary>The bundle's media type: the envelope plus the log entry and proof that make it checkable offline.</summary>
    public const string BundleMediaType = "application/vnd.vigie.release-attestation.v1+json";

    public static DsseEnvelope Sign(ReleaseStatement statement, NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(signer);
        var payload = Jcs.Canonicalize(JsonSerializer.SerializeToElement(statement.ToJson()));
        var signature = signer.SignRaw(Dsse.Pae(Dsse.InTotoPayloadType, payload));
        return new DsseEnvelope(Convert.ToBase64String(payload), Dsse.InTotoPayloadType,
            [new DsseSignature($"{signer.Name}+{NoteFormat.Hex8(signer.KeyId)}", Convert.ToBase64String(signature))]);
    }

    /// <summary>
    /// The payload when the envelope is an in-toto payload signed by <paramref name="key"/> (any of its
    /// signatures; key ids are hints and are not trusted); otherwise null and the reason.
    /// </summary>
    public static byte[]? Open(DsseEnvelope envelope, NoteVerifier key, out string? error)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(key);
        error = null;
        var payload = Dsse.DecodeBase64(envelope.Payload);
        if (payload is null)
        {
            error = "the envelope's payload is not base64.";
            return null;
        }

        var pae = Dsse.Pae(envelope.PayloadType ?? "", payload);
        var signed = (envelope.Signatures ?? []).Any(s => Dsse.DecodeBase64(s?.Sig) is { } sig && key.Verify(pae, sig));
        if (!signed)
        {
            error = $"no signature in the envelope verifies with key {key.VerifierKey}.";
            return null;
        }

        // Checked after the signature, as protocol.md orders it: a valid signature over another type is still refused.
        if (envelope.PayloadType != Dsse.InTotoPayloadType)
        {
            error = $"the payload type is '{envelope.PayloadType}', not {Dsse.InTotoPayloadType}.";
            return null;
        }

        return payload;
    }
}
