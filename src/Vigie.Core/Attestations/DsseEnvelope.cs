using System.Text.Json.Serialization;

namespace Vigie.Core.Attestations;

/// <summary>The DSSE JSON envelope (envelope.md): base64 payload, its type, and the signatures over its PAE.</summary>
public sealed record DsseEnvelope(
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("payloadType")] string PayloadType,
    [property: JsonPropertyName("signatures")] IReadOnlyList<DsseSignature> Signatures);
