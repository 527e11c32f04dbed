using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Verification;

namespace Vigie.Cli.Commands;

/// <summary>vigie log checkpoint: the newest checkpoint, shown only once its signature verified with the pinned key.</summary>
internal static class LogCheckpointCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("checkpoint", "Show the log's newest signed checkpoint (origin, size, root) after verifying its signature with the pinned key.");
        app.SetAction(command, async (context, _, cancellationToken) =>
        {
            var verified = await PinnedCheckpoint.FetchAsync(context, 0, cancellationToken);
            var checkpoint = verified.Checkpoint;
            if (context.Json)
            {
                context.WriteJson(new
                {
                    origin = checkpoint.Origin,
                    size = checkpoint.Size,
                    rootHash = verified.RootBase64,
                    verifierKey = verified.Key.VerifierKey,
                    note = verified.Note,
                });
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Origin", Markup.Escape(checkpoint.Origin));
            grid.AddRow("Size", checkpoint.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("Root", verified.RootBase64);
            grid.AddRow("Signed by", Markup.Escape(verified.Key.VerifierKey) + " (pinned, verified)");
            context.Console.Write(grid);
            return ExitCodes.Ok;
        });
        return command;
    }
}
