using System.Text.Json.Serialization;

namespace Vigie.Cli.Config;

/// <summary>
/// What the CLI pinned for one server: the verifier key trusted on first use, and the newest
/// checkpoint it verified, against which the next checkpoint must be consistent.
/// </summary>
internal sealed class ServerState
{
    [JsonPropertyName("verifierKey")]
    public string? VerifierKey { get; set; }

    [JsonPropertyName("checkpoint")]
    public SavedCheckpoint? Checkpoint { get; set; }
}
