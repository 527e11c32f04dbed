using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie scorecard show SYSTEM VERSION: derived and confirmed levels per category, with reasons and safeguards.</summary>
internal static class ScorecardShowCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var command = new Command("show", "Show a version's risk scorecard: each category's level before and after mitigation, derived and confirmed.") { system, version };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var card = await context.Api.GetJsonAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/scorecard", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(card);
                return ExitCodes.Ok;
            }

            var console = context.Console;
            console.MarkupLine($"[bold]{Markup.Escape(card.Text("system"))}@{Markup.Escape(card.Text("version"))}[/] under {Markup.Escape(card.Text("framework"))}" +
                               (card.Text("requiredAsl").Length > 0 ? $"; required ASL {card.Text("requiredAsl")}" : ""));
            var table = new Table().AddColumns("Category", "Tracked", "Before mitigation", "After mitigation", "Derived (before / after)", "Confirmed by");
            foreach (var c in card.GetProperty("categories").EnumerateArray())
            {
                var derived = c.GetProperty("derived");
                var confirmation = c.GetProperty("confirmation");
                table.AddRow(Markup.Escape(c.Text("name")), c.Text("tracked"), c.Text("preMitigation"), c.Text("postMitigation"),
                    $"{derived.Text("preMitigation")}{(derived.Text("preAtLeast").Length > 0 ? $" (at least {derived.Text("preAtLeast")})" : "")} / {derived.Text("postMitigation")}",
                    confirmation.ValueKind == System.Text.Json.JsonValueKind.Null ? "not confirmed" :
                        Markup.Escape($"{confirmation.Text("confirmedBy")} {confirmation.Text("confirmedAt")}{(c.GetProperty("stale").GetBoolean() ? " (derivation changed since)" : "")}"));
            }

            console.Write(table);
            foreach (var c in card.GetProperty("categories").EnumerateArray())
            {
                console.WriteLine($"{c.Text("id")}: {c.GetProperty("derived").Text("preReason")}");
                if (c.GetProperty("confirmation") is { ValueKind: System.Text.Json.JsonValueKind.Object } k)
                {
                    console.WriteLine($"  rationale: {k.Text("rationale")}");
                }
            }

            foreach (var s in card.GetProperty("safeguards").EnumerateArray())
            {
                console.WriteLine($"Safeguard {s.Text("id")} ({s.Text("standard")}, {s.Text("status")}): {s.Text("name")}; evidence {string.Join(", ", s.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()))}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
