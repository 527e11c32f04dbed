using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie fria submit SYSTEM DEPLOYMENT: opens the fria-approval decision on the latest revision; people sign it as any decision.</summary>
internal static class FriaSubmitCommand
{
    public static Command Create(CliApp app)
    {
        var system = FriaCommands.System();
        var deployment = FriaCommands.Deployment();
        var title = new Option<string?>("--title") { Description = "The decision's title (default: Approve the FRIA of SYSTEM / DEPLOYMENT, revision N)." };
        var command = new Command("submit", "Submit the latest revision of a complete FRIA for review: opens a fria-approval decision under the charter.") { system, deployment, title };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var opened = await context.Api.PostJsonAsync(FriaCommands.Path(parse.GetValue(system)!, parse.GetValue(deployment)!) + "/review",
                new { title = parse.GetValue(title) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(opened);
                return ExitCodes.Ok;
            }

            var id = opened.Text("decision");
            context.Console.WriteLine($"Opened {id} (fria-approval, log entry {opened.Text("index")}). The charter's roles sign it: vigie decisions sign {id} --approve; see vigie decisions show {id}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
