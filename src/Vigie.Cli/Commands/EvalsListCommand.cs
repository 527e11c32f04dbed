using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie evals list SYSTEM VERSION: the evaluations imported for a version, with their metrics.</summary>
internal static class EvalsListCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var command = new Command("list", "List a version's imported evaluations and their metrics.") { system, version };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var list = await context.Api.GetJsonAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/evaluations", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(list);
                return ExitCodes.Ok;
            }

            if (list.GetArrayLength() == 0)
            {
                context.Environment.Out.WriteLine("No evaluations imported yet: vigie evals import SYSTEM VERSION FILE.");
                return ExitCodes.Ok;
            }

            foreach (var e in list.EnumerateArray())
            {
                context.Console.MarkupLine($"[bold]{e.Text("id")}[/] {Markup.Escape(e.Text("name"))} — {e.Text("format")} {e.Text("formatVersion")}, {Markup.Escape(e.Text("model"))}, " +
                                           $"{e.Text("stage")}, imported {e.Text("importedAt")} by {Markup.Escape(e.Text("importedBy"))}, evidence {e.Text("evidence")}");
                var table = new Table().AddColumns("Task", "Metric", "Variant", "Value", "Stderr", "Samples");
                foreach (var m in e.GetProperty("metrics").EnumerateArray())
                {
                    table.AddRow(Markup.Escape(m.Text("task")), Markup.Escape(m.Text("metric")), Markup.Escape(m.Text("variant")), m.Text("value"), m.Text("stderr"), m.Text("samples"));
                }

                context.Console.Write(table);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
