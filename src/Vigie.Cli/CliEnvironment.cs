namespace Vigie.Cli;

/// <summary>
/// Everything the CLI takes from the process: output streams, environment variables, where the
/// config lives, and optionally the HTTP handler. Tests pass their own to run the real root
/// command in-process and capture what it prints.
/// </summary>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetVariable,
    string? ConfigPath = null,
    HttpMessageHandler? Handler = null,
    bool IsTerminal = false,
    TimeProvider? Time = null)
{
    public TimeProvider Clock => Time ?? TimeProvider.System;

    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        ConfigPath: null,
        Handler: null,
        IsTerminal: !Console.IsOutputRedirected);

    /// <summary>$VIGIE_CONFIG, else $XDG_CONFIG_HOME/vigie/config.json, else ~/.config/vigie/config.json.</summary>
    public string ResolveConfigPath()
    {
        if (ConfigPath is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }

        if (GetVariable("VIGIE_CONFIG") is { Length: > 0 } fromVariable)
        {
            return fromVariable;
        }

        if (GetVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "vigie", "config.json");
        }

        var home = GetVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".config", "vigie", "config.json");
    }
}
