using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie frameworks show: the risk framework in force, its levels, categories and thresholds.</summary>
internal static class FrameworksShowCommand
{
    public static Command Create(CliApp app)
    {
        var yaml = new Option<bool>("--yaml") { Description = "Print the framework's exact YAML text instead." };
        var command = new Command("show", "Show the risk framework in force: levels, categories, thresholds, cadence.") { yaml };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var f = await context.Api.GetJsonAsync("api/v1/frameworks/current", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(f);
                return ExitCodes.Ok;
            }

            if (parse.GetValue(yaml))
            {
                context.Environment.Out.Write(f.Text("yaml"));
                return ExitCodes.Ok;
            }

            var console = context.Console;
            console.MarkupLine($"[bold]{Markup.Escape(f.Text("name"))} v{f.Text("version")}[/] — {Markup.Escape(f.Text("title"))}");
            console.WriteLine($"In force since {f.Text("adoptedAt")} (decision {f.Text("decision")}, log entry {f.Text("adoptedIndex")}); sha256 {f.Text("digest")}");
            console.WriteLine("Levels, lowest first: " + string.Join(", ", f.GetProperty("levels").EnumerateArray().Select(l => $"{l.Text("name")} ({l.Text("risk")})")));
            var cadence = f.GetProperty("cadence");
            console.WriteLine($"Evaluate every {cadence.Text("computeMultiple")}x effective compute or {cadence.Text("months")} months; a missing evaluation is {f.Text("missingEvaluation")}.");
            var table = new Table().AddColumns("Category", "Tracked", "Level", "Task / metric", "Threshold", "Margin");
            foreach (var c in f.GetProperty("categories").EnumerateArray())
            {
                var thresholds = c.GetProperty("thresholds").EnumerateArray().ToList();
                if (thresholds.Count == 0)
                {
                    table.AddRow(Markup.Escape(c.Text("id")), c.Text("tracked"), "", "(no thresholds: judged by a person)", "", "");
                }

                foreach (var t in thresholds)
                {
                    table.AddRow(Markup.Escape(c.Text("id")), c.Text("tracked"), t.Text("level"),
                        Markup.Escape($"{t.Text("task")} / {t.Text("metric")}{(t.Text("variant").Length > 0 ? " / " + t.Text("variant") : "")}"),
                        $"{(t.Text("direction") == "at-least" ? ">=" : "<=")} {t.Text("value")}", t.Text("margin"));
                }
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
