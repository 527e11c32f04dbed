using System.Text.Json;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Inspect (UK AI Security Institute) evaluation logs: the EvalLog object of a <c>.json</c> log,
/// or the <c>header.json</c> of a <c>.eval</c> archive. Metrics are
/// <c>results.scores[].metrics{name: {name, value, options|params}}</c> (older logs say
/// <c>options</c>, newer ones <c>params</c>; both are ignored); a scorer's <c>stderr</c> metric
/// becomes the standard error of its other metrics. Samples are never read.
/// </summary>
internal static class InspectLog
{
    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        "version", "status", "eval", "results", "stats", "error",
    };

    /// <summary>Whether top-level values look like an Inspect log (an <c>eval</c> object with a task, and a version).</summary>
    public static bool Looks(IReadOnlyDictionary<string, JsonElement> top) =>
        top.TryGetValue("eval", out var eval) && eval.ValueKind == JsonValueKind.Object &&
        JsonRead.Text(eval, "task") is not null && top.ContainsKey("version");

    public static EvaluationImport Read(IReadOnlyDictionary<string, JsonElement> top, string what)
    {
        if (!Looks(top))
        {
            return EvaluationImport.Failed(
                $"{what} is not an Inspect log: an Inspect log is a JSON object with 'version' and an 'eval' object naming its task.");
        }

        var eval = top["eval"];
        var task = JsonRead.Name(JsonRead.Text(eval, "task")!);
        var warnings = new List<string>();
        var status = top.TryGetValue("status", out var s) ? JsonRead.Text(s) : null;
        if (status is not null and not "success")
        {
            var error = top.TryGetValue("error", out var e) ? JsonRead.Text(JsonRead.Get(e, "message")) ?? JsonRead.Text(e) : null;
            warnings.Add($"The run's status is '{status}'{(error is null ? "" : $" ({Cut(error)})")}: its results may be partial.");
        }

        var results = top.TryGetValue("results", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
        var samples = JsonRead.Count(JsonRead.Get(results, "completed_samples")) ?? JsonRead.Count(JsonRead.Get(results, "total_samples"));
        var metrics = new List<MetricResult>();
        if (results is null)
        {
            warnings.Add("The log has no results (the run may not have finished).");
        }
        else if (JsonRead.Get(results, "scores") is { ValueKind: JsonValueKind.Array } scores)
        {
            foreach (var score in scores.EnumerateArray())
            {
                ReadScore(task, score, samples, metrics, warnings);
            }
        }

        var stats = top.TryGetValue("stats", out var st) ? st : (JsonElement?)null;
        var packages = JsonRead.Get(eval, "packages");
        return new EvaluationImport(new EvaluationRun(
            EvaluationFormats.Inspect,
            top.TryGetValue("version", out var v) ? JsonRead.Text(v) : null,
            JsonRead.Text(eval, "model") is { } model ? JsonRead.Name(model) : null,
            "inspect_ai",
            JsonRead.Text(packages, "inspect_ai") is { } version ? JsonRead.Name(version) : null,
            status,
            JsonRead.Time(JsonRead.Get(stats, "started_at")) ?? JsonRead.Time(JsonRead.Get(eval, "created")),
            JsonRead.Time(JsonRead.Get(stats, "completed_at")),
            samples,
            [task],
            metrics,
            warnings), null);
    }

    private static void ReadScore(string task, JsonElement score, long? samples, List<MetricResult> metrics, List<string> warnings)
    {
        var scorer = JsonRead.Text(score, "name") ?? JsonRead.Text(score, "scorer");
        if (scorer is null || JsonRead.Get(score, "metrics") is not { ValueKind: JsonValueKind.Object } values)
        {
            warnings.Add("A score without a scorer name or metrics was left out.");
            return;
        }

        double? stderr = null;
        foreach (var metric in values.EnumerateObject())
        {
            if (metric.Name == "stderr")
            {
                stderr = JsonRead.Number(JsonRead.Get(metric.Value, "value"));
            }
        }

        foreach (var metric in values.EnumerateObject())
        {
            if (metric.Name == "stderr")
            {
                continue;
            }

            // The metric object is {name, value, ...}; some writers put the bare value there.
            var value = JsonRead.Number(metric.Value.ValueKind == JsonValueKind.Object ? JsonRead.Get(metric.Value, "value") : metric.Value);
            if (value is null)
            {
                warnings.Add($"Metric '{metric.Name}' of scorer '{scorer}' has no numeric value; it was left out.");
                continue;
            }

            metrics.Add(new MetricResult(task, JsonRead.Name(metric.Name), JsonRead.Name(scorer), value.Value, stderr, samples, null));
        }
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
