using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie aliases list SYSTEM: where each alias points, and every move with its decision.</summary>
internal static class AliasesListCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var command = new Command("list", "Show where a system's aliases point and their history of moves.") { system };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var aliases = await context.Api.GetJsonAsync(RegistryOptions.Path(parse.GetValue(system)!) + "/aliases", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(aliases);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Alias", "Version", "Previous", "Decision", "Moved", "By", "Log entry");
            foreach (var a in aliases.GetProperty("history").EnumerateArray())
            {
                table.AddRow(a.Text("alias"), Markup.Escape(a.Text("version")), Markup.Escape(a.Text("previousVersion")),
                    $"{a.Text("decision")} ({a.Text("decisionType")})", a.Text("movedAt"), Markup.Escape(a.Text("movedBy")), a.Text("index"));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
