using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>The `vigie witness` group and the options its commands share.</summary>
internal static class WitnessCommands
{
    public static void AddTo(RootCommand root, CliApp app)
    {
        var witness = new Command("witness", "Run a transparency-log witness (C2SP tlog-witness) that cosigns consistent checkpoints.");
        witness.Subcommands.Add(WitnessServeCommand.Create(app));
        witness.Subcommands.Add(WitnessKeyCommand.Create(app));
        root.Subcommands.Add(witness);
    }

    public static Option<string> DirectoryOption() => new("--dir")
    {
        Description = "The witness's folder: its key (witness.key, mode 0600) and its state (state.json).",
        DefaultValueFactory = _ => "vigie-witness",
    };

    public static Option<string?> NameOption() => new("--name")
    {
        Description = "The witness's name, a schema-less URL (e.g. witness.example.org/vigie); needed only to make the key.",
    };
}
