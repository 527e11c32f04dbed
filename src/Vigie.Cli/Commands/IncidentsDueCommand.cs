using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>vigie incidents due: every report still owed, across the incidents you may read, soonest first, overdue ones marked.</summary>
internal static class IncidentsDueCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("due", "Show what is due next: every incident report still owed, soonest first, with its legal basis.");
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var due = await context.Api.GetJsonAsync("api/v1/incidents/due", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(due);
                return ExitCodes.Ok;
            }

            var deadlines = due.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("deadline")).ToList();
            if (deadlines.Count == 0)
            {
                context.Console.WriteLine("No incident report is owed.");
                return ExitCodes.Ok;
            }

            var overdue = deadlines.Count(d => d.Text("status") == "overdue");
            context.Console.Write(IncidentText.Deadlines(deadlines, withIncident: true));
            context.Console.WriteLine($"{deadlines.Count} report(s) owed, {overdue} overdue (as of {due.Text("now")}; days counted in {due.Text("zone")}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
