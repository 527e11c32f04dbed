using System.Text.Json;

namespace Vigie.Cli.Config;

/// <summary>
/// Reads and writes the config file. Writes go to a temporary file that is then renamed over the
/// old one, so an interrupted run never leaves a half-written pin behind.
/// </summary>
internal sealed class ConfigStore(string path)
{
    public string Path { get; } = path;

    public CliConfig Load()
    {
        if (!File.Exists(Path))
        {
            return new CliConfig();
        }

        try
        {
            var config = JsonSerializer.Deserialize(File.ReadAllBytes(Path), ConfigJson.Default.CliConfig) ?? new CliConfig();
            config.Servers = new Dictionary<string, ServerState>(config.Servers ?? [], StringComparer.Ordinal);
            return config;
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.Failed, $"The config file {Path} is not valid JSON ({e.Message}); fix it or move it away.");
        }
        catch (IOException e)
        {
            throw new CliFailure(ExitCodes.Failed, $"Cannot read the config file {Path}: {e.Message}");
        }
    }

    public void Save(CliConfig config)
    {
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
            Directory.CreateDirectory(directory);
            var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(config, ConfigJson.Default.CliConfig));
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Failed, $"Cannot write the config file {Path}: {e.Message}");
        }
    }

    /// <summary>The state for <paramref name="serverKey"/>, created (not yet saved) when absent.</summary>
    public static ServerState StateFor(CliConfig config, string serverKey)
    {
        if (!config.Servers.TryGetValue(serverKey, out var state))
        {
            state = new ServerState();
            config.Servers[serverKey] = state;
        }

        return state;
    }
}
