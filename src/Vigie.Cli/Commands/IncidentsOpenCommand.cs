using System.CommandLine;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie incidents open --title T --discovered DATE [--system S] [--category C] [--imminent-danger]
/// [--regime R ...]: registers an incident or near miss and prints its id alone on stdout; its
/// deadlines, each with its legal basis, go to stderr.
/// </summary>
internal static class IncidentsOpenCommand
{
    public static Command Create(CliApp app)
    {
        var fields = new IncidentFieldOptions(opening: true);
        var imminent = IncidentsCommands.Flag("--imminent-danger", "An imminent risk of death or serious physical injury (SB 53 and RAISE: 24 hours).");
        var internalUse = IncidentsCommands.Flag("--internal-use", "It arose from the organisation's internal use of the model (SB 53 asks).");
        var confidential = new Option<bool>("--confidential") { Description = "Only overseers (admin, auditor, safety officer, executive, board) and you may read it; default internal." };
        var command = new Command("open", "Register an incident or near miss; prints its id.") { imminent, internalUse, confidential };
        fields.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var body = fields.Read(parse);
            if (parse.GetValue(fields.Regime) is { Length: > 0 } regimes)
            {
                body["regimes"] = regimes.Distinct(StringComparer.Ordinal).ToArray();
            }

            body["imminentDanger"] = parse.GetValue(imminent);
            body["internalUse"] = parse.GetValue(internalUse);
            body["visibility"] = parse.GetValue(confidential) ? "confidential" : null;
            var opened = (await context.Api.PostJsonAsync("api/v1/incidents", body, cancellationToken)).GetProperty("incident");
            if (context.Json)
            {
                context.WriteJson(opened);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine(opened.Text("id"));
            context.Notice($"Registered {IncidentText.Standing(opened)}");
            foreach (var d in opened.GetProperty("deadlines").EnumerateArray())
            {
                context.Notice($"  {d.Text("due")}  {d.Text("obligation")}: {d.Text("description")}. {d.Text("legalBasis")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
