using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary>vigie concerns stats [--quarter YYYY-QN]: the public statistics, or with --quarter the board digest (board, auditor).</summary>
internal static class ConcernsStatsCommand
{
    public static Command Create(CliApp app)
    {
        var quarter = new Option<string?>("--quarter") { Description = "The board digest of a quarter, e.g. 2026-Q4 (board and auditors; leaves out concerns about your roles)." };
        var command = new Command("stats", "Public concern statistics derived from the log, or the quarterly board digest.") { quarter };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var q = parse.GetValue(quarter);
            if (q is not null)
            {
                context.RequireToken();
            }

            var stats = q is null
                ? await context.AnonymousApi.GetJsonAsync("api/v1/concerns/stats", cancellationToken)
                : await context.Api.GetJsonAsync($"api/v1/concerns/digest?quarter={Uri.EscapeDataString(q)}", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(stats);
                return ExitCodes.Ok;
            }

            var summary = q is null ? stats : stats.GetProperty("summary");
            if (q is not null)
            {
                context.Console.MarkupLine(Markup.Escape($"Board digest {q} ({stats.GetProperty("from").GetString()} to {stats.GetProperty("to").GetString()}). {stats.GetProperty("note").GetString()}"));
            }

            context.Console.MarkupLine(Markup.Escape($"Received {summary.GetProperty("received")}, open {summary.GetProperty("open")}, escalated {summary.GetProperty("escalated")}."));
            foreach (var clock in new[] { "acknowledgement", "feedback" })
            {
                var c = summary.GetProperty(clock);
                context.Console.MarkupLine(Markup.Escape($"{clock}: {c.GetProperty("onTime")} on time, {c.GetProperty("late")} late, {c.GetProperty("overdue")} overdue."));
            }

            var closed = summary.GetProperty("closedByOutcome").EnumerateObject().Where(o => o.Value.GetInt32() > 0).Select(o => $"{o.Name} {o.Value}");
            context.Console.MarkupLine(Markup.Escape($"Closed: {string.Join(", ", closed.DefaultIfEmpty("none"))}."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
