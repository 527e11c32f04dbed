using System.Text.Json.Serialization;

namespace Vigie.Cli.Config;

/// <summary>The CLI's config file: what it trusts about each server it has talked to.</summary>
internal sealed class CliConfig
{
    /// <summary>Keyed by the server's base URL as <see cref="ServerAddress.Key"/> writes it.</summary>
    [JsonPropertyName("servers")]
    public Dictionary<string, ServerState> Servers { get; set; } = new(StringComparer.Ordinal);
}
