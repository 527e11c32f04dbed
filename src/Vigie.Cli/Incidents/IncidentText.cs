using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Incidents;

/// <summary>How the incident commands show incidents and deadlines to people.</summary>
internal static class IncidentText
{
    public static string Path(string id) => "api/v1/incidents/" + Uri.EscapeDataString(id);

    /// <summary>"2026-04-16 (end of day, UTC) — overdue" with colour for a terminal.</summary>
    public static string Due(JsonElement deadline)
    {
        var status = deadline.Text("status");
        var colour = status switch { "overdue" => "red", "due" => "yellow", "met-late" => "darkorange", _ => "green" };
        return $"{Markup.Escape(deadline.Text("due"))} [{colour}]{status}[/]";
    }

    /// <summary>A table of deadlines with their legal basis, soonest first.</summary>
    public static Table Deadlines(IEnumerable<JsonElement> deadlines, bool withIncident)
    {
        var table = new Table().AddColumns(withIncident ? ["Due", "Incident", "Regime", "Obligation", "Legal basis"] : ["Due", "Regime", "Obligation", "Legal basis"]);
        foreach (var d in deadlines)
        {
            var cells = new List<string> { Due(d) };
            if (withIncident)
            {
                cells.Add(Markup.Escape(d.Text("incident")));
            }

            cells.AddRange([Markup.Escape(d.Text("regime")), Markup.Escape(d.Text("obligation")), Markup.Escape(d.Text("legalBasis"))]);
            table.AddRow([.. cells]);
        }

        return table;
    }

    /// <summary>One line: "inc-12 (open, critical, death) is under sb53, gpai-cop; next: … ".</summary>
    public static string Standing(JsonElement incident)
    {
        var regimes = incident.GetProperty("regimes").EnumerateArray()
            .Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : r.Text("regime")).ToList();
        var next = incident.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.Object
            ? $"next: {n.Text("obligation")} due {n.Text("due")} ({n.Text("status")})"
            : "nothing due";
        return $"{incident.Text("id")} ({incident.Text("status")}, {incident.Text("severity")}, {incident.Text("category")}) is under " +
               (regimes.Count == 0 ? "no reporting regime" : string.Join(", ", regimes)) + $"; {next}.";
    }
}
