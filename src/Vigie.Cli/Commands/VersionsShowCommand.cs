using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie versions show SYSTEM VERSION: a version with its lineage, training runs, compute and status history.</summary>
internal static class VersionsShowCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var command = new Command("show", "Show a version: lineage, weights digest, training runs, compute and status history.") { system, version };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var shown = await context.Api.GetJsonAsync(RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(shown);
                return ExitCodes.Ok;
            }

            var v = shown.GetProperty("version");
            var console = context.Console;
            console.MarkupLine($"[bold]{Markup.Escape(v.Text("system"))}@{Markup.Escape(v.Text("version"))}[/] — {v.Text("kind")}, {v.Text("status")}, {v.Text("visibility")} (log entry {v.Text("index")})");
            if (v.Text("baseVersion").Length > 0 || v.Text("baseModel").Length > 0)
            {
                console.WriteLine("Derived from: " + (v.Text("baseVersion").Length > 0 ? v.Text("baseVersion") : v.Text("baseModel")));
            }

            if (v.Text("weightsSha256").Length > 0)
            {
                console.WriteLine("Weights SHA-256: " + v.Text("weightsSha256"));
            }

            var runs = new Table().AddColumns("Run", "Started", "Ended", "Hardware", "Accelerator-hours", "Compute (FLOP)", "Tokens");
            foreach (var r in shown.GetProperty("trainingRuns").EnumerateArray())
            {
                runs.AddRow(Markup.Escape(r.Text("run")), r.Text("startedOn"), r.Text("endedOn"), Markup.Escape(r.Text("hardware")),
                    r.Text("acceleratorHours"), Flop(r, "computeFlop"), r.Text("tokens"));
            }

            console.Write(runs);
            console.WriteLine($"Training compute of this version: {Flop(shown, "trainingComputeFlop")} FLOP" +
                (shown.Text("totalComputeFlopWithLineage").Length > 0 ? $"; with its lineage: {Flop(shown, "totalComputeFlopWithLineage")} FLOP" : ""));
            foreach (var s in shown.GetProperty("statusChanges").EnumerateArray())
            {
                console.WriteLine($"{s.Text("changedAt")} status → {s.Text("status")} by {s.Text("changedBy")}: {s.Text("reason")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Flop(System.Text.Json.JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.TryGetDouble(out var flop)
            ? flop.ToString("0.###E+0", CultureInfo.InvariantCulture)
            : "";
}
