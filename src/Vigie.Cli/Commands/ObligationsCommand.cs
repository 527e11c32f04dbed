using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie obligations SYSTEM: which regimes apply and why, and each obligation with its legal
/// basis, due date (and the ledger fact it follows from) and status. Subcommands record an
/// obligation met and the organisation's revenue. Exit code 1 when an obligation is overdue.
/// </summary>
internal static class ObligationsCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var command = new Command("obligations", "Regimes that apply to a system and its obligations with due dates and status (exit 1 when one is overdue).") { system };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var view = await context.Api.GetJsonAsync(RegistryOptions.Path(parse.GetValue(system)!) + "/obligations", cancellationToken);
            var overdue = view.GetProperty("obligations").EnumerateArray().Any(o => o.Text("status") == "overdue");
            if (context.Json)
            {
                context.WriteJson(view);
                return overdue ? ExitCodes.Failed : ExitCodes.Ok;
            }

            var console = context.Console;
            console.MarkupLine($"[bold]Obligations of {Markup.Escape(view.Text("system"))}[/] as of {view.Text("asOf")}");
            var regimes = new Table().AddColumns("Regime", "Applies", "Why");
            foreach (var r in view.GetProperty("regimes").EnumerateArray())
            {
                regimes.AddRow(Markup.Escape(r.Text("name")), r.GetProperty("applies").GetBoolean() ? "yes" : "no", Markup.Escape(r.Text("why")));
            }

            console.Write(regimes);
            var list = new Table().AddColumns("Obligation", "Status", "Due", "Legal basis");
            foreach (var o in view.GetProperty("obligations").EnumerateArray())
            {
                var due = o.Text("dueAt").Length > 0 ? $"{o.Text("dueAt")} ({o.Text("dueBasis")})" : o.Text("dueBasis");
                var status = o.Text("status") + (o.TryGetProperty("metBy", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Object ? $": {m.Text("reference")}" : "");
                list.AddRow(Markup.Escape($"{o.Text("title")} [{o.Text("id")}]"), Markup.Escape(status), Markup.Escape(due), Markup.Escape(o.Text("legalBasis")));
            }

            console.Write(list);
            if (view.GetProperty("obligations").GetArrayLength() == 0)
            {
                console.WriteLine("No obligations follow from what is recorded (training compute, classification, deployments).");
            }

            return overdue ? ExitCodes.Failed : ExitCodes.Ok;
        });
        command.Subcommands.Add(Met(app));
        command.Subcommands.Add(Revenue(app));
        return command;
    }

    private static Command Met(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var obligation = new Argument<string>("OBLIGATION") { Description = "The obligation's id, e.g. eu-art52-notification." };
        var reference = new Option<string>("--reference") { Description = "What shows it was met: the notification's number, the report's URL ...", Required = true };
        var note = new Option<string?>("--note") { Description = "A note." };
        var command = new Command("met", "Record that an obligation was met (a ledger entry with its reference).") { system, obligation, reference, note };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = $"{RegistryOptions.Path(parse.GetValue(system)!)}/obligations/{Uri.EscapeDataString(parse.GetValue(obligation)!)}/met";
            var recorded = await context.Api.PostJsonAsync(path, new { reference = parse.GetValue(reference), note = parse.GetValue(note) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
            }
            else
            {
                context.Console.WriteLine($"Recorded {recorded.Text("obligation")} as met ({recorded.Text("reference")}) as log entry {recorded.Text("index")}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revenue(CliApp app)
    {
        var year = new Argument<int>("YEAR") { Description = "Calendar year." };
        var usd = new Argument<double>("USD") { Description = "Annual gross revenue with affiliates, in US dollars (e.g. 7.5e8)." };
        var source = new Option<string>("--source") { Description = "Where the figure comes from (e.g. audited accounts).", Required = true };
        var command = new Command("revenue", "Record the organisation's revenue for a year (SB 53's large frontier developer test: more than USD 500 million).") { year, usd, source };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var recorded = await context.Api.PostJsonAsync("api/v1/organisation/revenue",
                new { year = parse.GetValue(year), revenueUsd = parse.GetValue(usd), source = parse.GetValue(source) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
            }
            else
            {
                context.Console.WriteLine($"Recorded {recorded.Text("year")} revenue as log entry {recorded.Text("index")}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
