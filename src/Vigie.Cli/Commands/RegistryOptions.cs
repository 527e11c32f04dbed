using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>Options the registry commands share.</summary>
internal static class RegistryOptions
{
    public static Option<string> Visibility()
    {
        var option = new Option<string>("--visibility")
        {
            Description = "public (in the public log and portal) or internal (only a commitment in the log).",
            DefaultValueFactory = _ => "internal",
        };
        option.AcceptOnlyFromAmong("public", "internal");
        return option;
    }

    public static string Path(string system) => "api/v1/systems/" + Uri.EscapeDataString(system);

    public static string Path(string system, string version) => Path(system) + "/versions/" + Uri.EscapeDataString(version);
}
