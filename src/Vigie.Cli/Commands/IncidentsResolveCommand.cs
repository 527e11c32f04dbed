using System.CommandLine;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>vigie incidents resolve ID [--at DATE] [--resolution TEXT] [--root-cause TEXT]: marks it resolved (the Code of Practice's final report is then due within 60 days).</summary>
internal static class IncidentsResolveCommand
{
    public static Command Create(CliApp app)
    {
        var id = IncidentsCommands.Id();
        var at = new Option<string?>("--at") { Description = "When it was resolved: YYYY-MM-DD or an RFC 3339 time (default: now). Again on a resolved incident, corrects the date." };
        var resolution = new Option<string?>("--resolution") { Description = "How it was resolved." };
        var rootCause = new Option<string?>("--root-cause") { Description = "The root cause, as now understood." };
        var command = new Command("resolve", "Mark an incident resolved.") { id, at, resolution, rootCause };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var resolved = await context.Api.PostJsonAsync(IncidentText.Path(parse.GetValue(id)!) + "/resolution", new
            {
                resolvedAt = parse.GetValue(at),
                resolution = parse.GetValue(resolution),
                rootCause = parse.GetValue(rootCause),
            }, cancellationToken);
            return IncidentsCommands.Print(context, resolved, "Resolved");
        });
        return command;
    }
}
