using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>vigie risks export [FILE]: the register as CSV (to stdout without FILE).</summary>
internal static class RisksExportCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string?>("FILE") { Description = "Where to write the CSV (default: stdout).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("export", "Export the risk register as CSV.") { file };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var csv = await context.Api.GetTextAsync("api/v1/risks/export.csv", cancellationToken);
            if (parse.GetValue(file) is { } path)
            {
                await File.WriteAllTextAsync(path, csv, cancellationToken);
                context.Notice($"Wrote the register to {path}.");
            }
            else
            {
                context.Environment.Out.Write(csv);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
