using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>vigie incidents show ID: the incident's fields, the regimes it is under and why, every deadline with its legal basis, reports sent and its history.</summary>
internal static class IncidentsShowCommand
{
    private static readonly (string Field, string Label)[] Labels =
    [
        ("discovered", "Discovered"), ("occurredOn", "Started"), ("endedOn", "Ended"), ("description", "Description"), ("harm", "Harm"),
        ("affected", "Affected"), ("peopleAffected", "People affected"), ("chainOfEvents", "Chain of events"), ("response", "Response"),
        ("recommendations", "Recommendations"), ("rootCause", "Root cause"), ("whyReportable", "Why reportable"), ("internalUse", "Internal use"),
        ("imminentDanger", "Imminent danger"), ("resolution", "Resolution"),
    ];

    public static Command Create(CliApp app)
    {
        var id = IncidentsCommands.Id();
        var command = new Command("show", "Show an incident: fields, regimes, deadlines with their legal basis, reports sent, history.") { id };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var incident = await context.Api.GetJsonAsync(IncidentText.Path(parse.GetValue(id)!), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(incident);
                return ExitCodes.Ok;
            }

            var console = context.Console;
            console.MarkupLine($"[bold]{Markup.Escape(incident.Text("id"))}[/] {Markup.Escape(incident.Text("title"))}");
            console.WriteLine(IncidentText.Standing(incident));
            var subject = incident.Text("system").Length == 0 ? "none" : $"{incident.Text("system")}{(incident.Text("version").Length > 0 ? "@" + incident.Text("version") : "")}";
            console.WriteLine($"System: {subject}. Visibility: {incident.Text("visibility")}. Opened {incident.Text("openedAt")} by {incident.Text("openedBy")}." +
                (incident.Text("resolvedAt").Length > 0 ? $" Resolved {incident.Text("resolvedAt")}." : ""));
            var fields = incident.GetProperty("fields");
            foreach (var (field, label) in Labels)
            {
                if (fields.TryGetProperty(field, out var value) && value.ValueKind is not JsonValueKind.Null)
                {
                    console.WriteLine($"{label}: {(value.ValueKind is JsonValueKind.True ? "yes" : value.ValueKind is JsonValueKind.False ? "no" : fields.Text(field))}");
                }
            }

            console.WriteLine();
            foreach (var regime in incident.GetProperty("regimes").EnumerateArray())
            {
                console.WriteLine($"Under {regime.Text("title")} ({regime.Text("regime")}): " +
                    string.Join("; ", regime.GetProperty("sources").EnumerateArray().Select(s => s.GetString() == "named" ? "named for this incident" : s.GetString())));
            }

            var deadlines = incident.GetProperty("deadlines").EnumerateArray().ToList();
            if (deadlines.Count > 0)
            {
                console.Write(IncidentText.Deadlines(deadlines, withIncident: false));
                console.WriteLine($"Export a draft: vigie incidents export {incident.Text("id")} --regime REGIME [--format markdown|json].");
            }
            else
            {
                console.WriteLine(incident.Text("category") == "near-miss" ? "A near miss: no reporting deadline." : "No reporting deadline: no regime applies.");
            }

            foreach (var s in incident.GetProperty("submissions").EnumerateArray())
            {
                var timing = s.GetProperty("onTime").ValueKind switch { JsonValueKind.True => "on time", JsonValueKind.False => "late", _ => "" };
                console.WriteLine($"Sent {s.Text("submittedAt")}: {s.Text("obligation")} {timing}" +
                    (s.Text("reference").Length > 0 ? $", reference {s.Text("reference")}" : "") + $" (recorded by {s.Text("recordedBy")}, log entry {s.Text("index")}).");
            }

            foreach (var h in incident.GetProperty("history").EnumerateArray())
            {
                var changed = string.Join(", ", h.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
                console.WriteLine($"{h.Text("at")} {h.Text("change")} by {h.Text("by")}" + (changed.Length > 0 ? $": {changed}" : "") +
                    (h.Text("note").Length > 0 ? $" — {h.Text("note")}" : "") + $" (log entry {h.Text("index")})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
