using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Evidence;

/// <summary>The evidence entry: an artifact's digest and what it is, notarised in the log.</summary>
public static class EvidenceEntries
{
    public const string Recorded = "evidence.recorded/v1";

    public sealed record RecordedBody(
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("mediaType")] string? MediaType,
        [property: JsonPropertyName("size")] long? Size,
        [property: JsonPropertyName("subject")] string? Subject,
        [property: JsonPropertyName("description")] string? Description);
}
