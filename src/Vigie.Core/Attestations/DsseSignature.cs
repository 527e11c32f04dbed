using System.Text.Json.Serialization;

namespace Vigie.Core.Attestations;

/// <summary>One signature; <see cref="KeyId"/> is an unauthenticated hint, never used to decide trust.</summary>
public sealed record DsseSignature(
    [property: JsonPropertyName("keyid")] string? KeyId,
    [property: JsonPropertyName("sig")] string Sig);
