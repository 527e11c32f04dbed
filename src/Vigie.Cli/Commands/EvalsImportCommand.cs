using System.CommandLine;
using System.Globalization;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie evals import SYSTEM VERSION FILE: records the file as evidence and its results for the version (streamed).</summary>
internal static class EvalsImportCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version that was evaluated." };
        var file = new Argument<string>("FILE") { Description = "An Inspect log (.eval or .json), an lm-eval results_*.json, a model card README.md (model-index) or a CSV." };
        var format = new Option<string?>("--format") { Description = "inspect, lm-eval, hf-model-index or csv (default: recognised from the file)." };
        format.AcceptOnlyFromAmong("inspect", "lm-eval", "hf-model-index", "csv");
        var stage = new Option<string>("--stage") { Description = "pre-mitigation (the model as it is) or post-mitigation (with safeguards).", DefaultValueFactory = _ => "pre-mitigation" };
        stage.AcceptOnlyFromAmong("pre-mitigation", "post-mitigation");
        var compute = new Option<double?>("--effective-compute") { Description = "Effective training compute of the evaluated checkpoint, in FLOP (default: the version's recorded compute)." };
        var visibility = new Option<string?>("--visibility") { Description = "internal (default) or public (only for a public version)." };
        visibility.AcceptOnlyFromAmong("public", "internal");
        var tasks = new Option<string?>("--tasks") { Description = "Import only these tasks (comma-separated), e.g. for a file with more metrics than one log entry holds." };
        var command = new Command("import", "Import an evaluation file for a version: the raw file becomes evidence and its metrics are recorded.")
        {
            system, version, file, format, stage, compute, visibility, tasks,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
            }

            var query = new List<string> { "name=" + Uri.EscapeDataString(Path.GetFileName(path)), "stage=" + parse.GetValue(stage) };
            if (parse.GetValue(format) is { } f) query.Add("format=" + f);
            if (parse.GetValue(compute) is { } c) query.Add("effectiveCompute=" + c.ToString("R", CultureInfo.InvariantCulture));
            if (parse.GetValue(visibility) is { } v) query.Add("visibility=" + v);
            if (parse.GetValue(tasks) is { } t) query.Add("tasks=" + Uri.EscapeDataString(t));
            await using var stream = File.OpenRead(path);
            var imported = await context.Api.PostStreamAsync(
                $"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/evaluations?{string.Join("&", query)}",
                stream, "application/octet-stream", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(imported);
                return ExitCodes.Ok;
            }

            var o = context.Environment.Out;
            o.WriteLine($"Imported {imported.Text("id")}: {imported.Text("metrics")} metric(s) from {Path.GetFileName(path)} ({(imported.Text("formatVersion").Length > 0 ? imported.Text("format") + " " + imported.Text("formatVersion") : imported.Text("format"))}), " +
                        $"model {(imported.Text("model").Length > 0 ? imported.Text("model") : "not named")}, {imported.Text("stage")}.");
            o.WriteLine($"The file is evidence {imported.Text("evidence")} (sha256 {imported.Text("sha256")}).");
            foreach (var warning in imported.GetProperty("warnings").EnumerateArray())
            {
                context.Notice("Note: " + warning.GetString());
            }

            foreach (var alert in imported.GetProperty("alerts").EnumerateArray())
            {
                o.WriteLine($"EARLY WARNING raised as log entry {alert}: see vigie forecast {parse.GetValue(system)}.");
            }

            o.WriteLine($"Scorecard: vigie scorecard show {parse.GetValue(system)} {parse.GetValue(version)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
