using System.Text.Json.Serialization;

namespace Vigie.Cli.Config;

/// <summary>The last checkpoint verified: the whole signed note (evidence to show anyone later), its size and root.</summary>
internal sealed record SavedCheckpoint(
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("rootHash")] string RootHash);
