using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie incidents list [--status open|resolved|all] [--system S]: the incidents you may read, newest first.</summary>
internal static class IncidentsListCommand
{
    public static Command Create(CliApp app)
    {
        var status = new Option<string>("--status") { Description = "open (default), resolved or all.", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong("open", "resolved", "all");
        var system = new Option<string?>("--system") { Description = "Only incidents on this system." };
        var command = new Command("list", "List incidents, newest first, with what is due next for each.") { status, system };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var query = "api/v1/incidents?status=" + parse.GetValue(status) + (parse.GetValue(system) is { } s ? "&system=" + Uri.EscapeDataString(s) : "");
            var incidents = await context.Api.GetJsonAsync(query, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(incidents);
                return ExitCodes.Ok;
            }

            if (incidents.GetArrayLength() == 0)
            {
                context.Console.WriteLine($"No {(parse.GetValue(status) == "all" ? "" : parse.GetValue(status) + " ")}incidents.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Status", "Severity", "Category", "System", "Discovered", "Next due", "Title");
            foreach (var i in incidents.EnumerateArray())
            {
                var next = i.GetProperty("next");
                table.AddRow(i.Text("id"), i.Text("status"), i.Text("severity"), i.Text("category"),
                    Markup.Escape(i.Text("system").Length == 0 ? "-" : $"{i.Text("system")}{(i.Text("version").Length > 0 ? "@" + i.Text("version") : "")}"),
                    i.Text("discoveredAt"), next.ValueKind == System.Text.Json.JsonValueKind.Object ? Incidents.IncidentText.Due(next) + " " + Markup.Escape(next.Text("obligation")) : "-",
                    Markup.Escape(i.Text("title")));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
