using System.CommandLine;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>vigie incidents reopen ID --reason TEXT: a resolved incident is open again.</summary>
internal static class IncidentsReopenCommand
{
    public static Command Create(CliApp app)
    {
        var id = IncidentsCommands.Id();
        var reason = new Option<string>("--reason") { Description = "Why it is reopened.", Required = true };
        var command = new Command("reopen", "Reopen a resolved incident.") { id, reason };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var reopened = await context.Api.PostJsonAsync(IncidentText.Path(parse.GetValue(id)!) + "/reopening", new { reason = parse.GetValue(reason) }, cancellationToken);
            return IncidentsCommands.Print(context, reopened, "Reopened");
        });
        return command;
    }
}
