using System.CommandLine;

namespace Vigie.Cli;

/// <summary>Options every command takes, declared once on the root and inherited (Recursive).</summary>
internal sealed class CommonOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"The Vigie server's URL (default: $VIGIE_SERVER, else {Config.ServerAddress.Default}).",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "API token (default: $VIGIE_TOKEN). Prefer the variable: command lines are visible to other users.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print stable JSON on stdout instead of text for people.",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Json);
    }
}
