using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Registry;

/// <summary>One piece of evidence about a version, as it stood when a snapshot was taken.</summary>
public sealed record SnapshotItem(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("logIndex")] long LogIndex,
    [property: JsonPropertyName("title")] string Title);
