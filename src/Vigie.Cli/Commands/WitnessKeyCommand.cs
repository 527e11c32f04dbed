using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Witness;

namespace Vigie.Cli.Commands;

/// <summary>vigie witness key: makes the witness key (first time, with --name) and prints its public cosignature key.</summary>
internal static class WitnessKeyCommand
{
    public static Command Create(CliApp app)
    {
        var directory = WitnessCommands.DirectoryOption();
        var name = WitnessCommands.NameOption();
        var command = new Command("key", "Make this witness's key (with --name, the first time) and print its public cosignature key.") { directory, name };
        app.SetAction(command, (context, parse, _) =>
        {
            var folder = parse.GetValue(directory)!;
            var cosigner = WitnessKeyFile.LoadOrCreate(folder, parse.GetValue(name));
            if (context.Json)
            {
                context.WriteJson(new { witness = cosigner.Name, key = cosigner.Verifier.VerifierKey, keyFile = Path.GetFullPath(Path.Combine(folder, WitnessKeyFile.FileName)) });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape(cosigner.Verifier.VerifierKey));
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
