using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie risks import FILE: rows with an id update that risk, rows without record new ones; all or nothing.</summary>
internal static class RisksImportCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV in the layout 'vigie risks export' writes." };
        var command = new Command("import", "Import risks from CSV: rows with an id update it, rows without record a new risk. Checked whole; all or nothing.") { file };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
            }

            var imported = await context.Api.PostTextAsync("api/v1/risks/import", await File.ReadAllTextAsync(path, cancellationToken), "text/csv", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(imported);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine($"Recorded {imported.Text("recorded")} new risk(s) and updated {imported.Text("updated")}, from log entry {imported.Text("firstIndex")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
