using System.Text.Json;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// EleutherAI lm-evaluation-harness result files. Version 0.3 writes
/// <c>results{task: {metric: v, metric_stderr: v}}</c>, <c>versions</c> and <c>config</c>;
/// 0.4 adds a filter to every key (<c>"exact_match,strict-match"</c>), <c>n-shot</c>,
/// <c>higher_is_better</c>, <c>n-samples</c>, <c>groups</c> and run metadata. The filter
/// <c>none</c> is no variant; any other filter is the metric's variant.
/// </summary>
internal static class LmEvalResults
{
    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        "results", "groups", "versions", "n-shot", "higher_is_better", "n-samples", "config", "git_hash", "date",
        "model_name", "lm_eval_version", "eval", "version",
    };

    public static bool Looks(IReadOnlyDictionary<string, JsonElement> top) =>
        top.TryGetValue("results", out var results) && results.ValueKind == JsonValueKind.Object &&
        results.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Object) &&
        (top.ContainsKey("versions") || top.ContainsKey("config")) && !top.ContainsKey("eval");

    public static EvaluationImport Read(IReadOnlyDictionary<string, JsonElement> top, string what)
    {
        if (!Looks(top))
        {
            return EvaluationImport.Failed(
                $"{what} is not an lm-evaluation-harness results file: that is a JSON object with 'results' (an object of tasks) and 'versions' or 'config'.");
        }

        var warnings = new List<string>();
        var metrics = new List<MetricResult>();
        var tasks = new List<string>();
        var higher = top.GetValueOrDefault("higher_is_better");
        var counts = top.GetValueOrDefault("n-samples");
        var v4 = top.ContainsKey("n-shot") || top.ContainsKey("higher_is_better") ||
                 top["results"].EnumerateObject().Any(t => t.Value.EnumerateObject().Any(m => m.Name.Contains(',', StringComparison.Ordinal)));
        foreach (var part in new[] { "results", "groups" })
        {
            if (!top.TryGetValue(part, out var section) || section.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var task in section.EnumerateObject())
            {
                if (tasks.Contains(task.Name, StringComparer.Ordinal) || task.Value.ValueKind != JsonValueKind.Object)
                {
                    continue; // 0.4.3 lists a group under both results and groups
                }

                tasks.Add(task.Name);
                var samples = JsonRead.Count(JsonRead.Get(JsonRead.Get(counts, task.Name), "effective"))
                              ?? JsonRead.Count(JsonRead.Get(JsonRead.Get(counts, task.Name), "original"));
                ReadTask(task, samples, JsonRead.Get(higher, task.Name), metrics, warnings);
            }
        }

        var config = top.GetValueOrDefault("config");
        return new EvaluationImport(new EvaluationRun(
            EvaluationFormats.LmEval,
            v4 ? "0.4" : "0.3",
            Model(top, config) is { } model ? JsonRead.Name(model) : null,
            "lm-evaluation-harness",
            (top.TryGetValue("lm_eval_version", out var lv) ? JsonRead.Text(lv) : null) ??
            (top.TryGetValue("git_hash", out var gh) && JsonRead.Text(gh) is { } hash ? "git " + hash : null),
            null,
            top.TryGetValue("date", out var date) ? JsonRead.Time(date) : null,
            null,
            null,
            tasks.Select(JsonRead.Name).ToList(),
            metrics,
            warnings), null);
    }

    private static void ReadTask(JsonProperty task, long? samples, JsonElement? higher, List<MetricResult> metrics, List<string> warnings)
    {
        var values = new Dictionary<(string Metric, string? Filter), double>();
        var errors = new Dictionary<(string Metric, string? Filter), double>();
        foreach (var field in task.Value.EnumerateObject())
        {
            if (field.Name == "alias")
            {
                continue;
            }

            var comma = field.Name.IndexOf(',', StringComparison.Ordinal);
            var name = comma < 0 ? field.Name : field.Name[..comma];
            var filter = comma < 0 ? null : field.Name[(comma + 1)..];
            filter = filter is "none" or "" ? null : filter;
            var number = JsonRead.Number(field.Value);
            if (name.EndsWith("_stderr", StringComparison.Ordinal))
            {
                if (number is { } se)
                {
                    errors[(name[..^"_stderr".Length], filter)] = se;
                }

                continue; // "N/A" standard errors are common and mean "not computed"
            }

            if (number is null)
            {
                warnings.Add($"'{field.Name}' of task '{task.Name}' is not a number; it was left out.");
                continue;
            }

            values[(name, filter)] = number.Value;
        }

        foreach (var ((metric, filter), value) in values)
        {
            bool? better = JsonRead.Get(higher, metric) is { ValueKind: JsonValueKind.True or JsonValueKind.False } b ? b.GetBoolean() : null;
            metrics.Add(new MetricResult(JsonRead.Name(task.Name), JsonRead.Name(metric), filter is null ? null : JsonRead.Name(filter), value,
                errors.TryGetValue((metric, filter), out var se) ? se : null, samples, better));
        }
    }

    /// <summary>The model: <c>model_name</c>, else <c>pretrained=</c> in <c>config.model_args</c> (text or object), else <c>config.model</c>.</summary>
    private static string? Model(IReadOnlyDictionary<string, JsonElement> top, JsonElement? config)
    {
        if (top.TryGetValue("model_name", out var name) && JsonRead.Text(name) is { } n)
        {
            return n;
        }

        var args = JsonRead.Get(config, "model_args");
        if (JsonRead.Text(args, "pretrained") is { } fromObject)
        {
            return fromObject;
        }

        if (JsonRead.Text(args) is { } text)
        {
            foreach (var pair in text.Split(','))
            {
                if (pair.StartsWith("pretrained=", StringComparison.Ordinal))
                {
                    return pair["pretrained=".Length..];
                }
            }
        }

        return JsonRead.Text(config, "model");
    }
}
