using System.Text;
using System.Text.Json.Nodes;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Evaluation results in a Hugging Face model card's <c>model-index</c>, read with the card
/// importer (<see cref="HuggingFaceCard"/>) so both features agree on what a card says. Only the
/// front matter is read: the prose body is the card feature's business. Each result's task is its
/// dataset (<c>dataset.type</c>, else its name, else the task type); the metric is
/// <c>metrics[].type</c>, and the dataset's config or split, when given, is the variant.
/// </summary>
internal static class HfModelIndex
{
    public static EvaluationImport Read(string text, string what)
    {
        var normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!FrontMatter.TrySplit(normalized, out var parts, out var error))
        {
            return EvaluationImport.Failed($"{what}: {error}");
        }

        if (parts!.Yaml is null)
        {
            return EvaluationImport.Failed($"{what} is not a Hugging Face model card with results: it has no YAML front matter ('---' on its first line).");
        }

        var import = HuggingFaceCard.Read("---\n" + parts.Yaml + "---\n");
        if (!import.Succeeded)
        {
            return EvaluationImport.Failed($"{what}: {import.Error}");
        }

        var card = import.Card!;
        var results = card.Records("evaluation.results");
        if (results.Count == 0)
        {
            var hasIndex = parts.Yaml.Split('\n').Any(l => l.StartsWith("model-index:", StringComparison.Ordinal));
            return EvaluationImport.Failed(hasIndex
                ? $"{what} has a model-index with no results: there is nothing to import."
                : $"{what} is a model card without a model-index: it holds no evaluation results to import (import it as a card with 'vigie card import').");
        }

        var warnings = new List<string>(import.Warnings);
        var metrics = new List<MetricResult>();
        var tasks = new List<string>();
        foreach (var result in results)
        {
            var task = Text(result, "datasetType") ?? Text(result, "datasetName") ?? Text(result, "taskType");
            if (task is null)
            {
                warnings.Add("A result names no dataset or task; it was left out.");
                continue;
            }

            task = JsonRead.Name(task);
            if (!tasks.Contains(task, StringComparer.Ordinal))
            {
                tasks.Add(task);
            }

            var variant = Text(result, "datasetConfig") ?? Text(result, "datasetSplit");
            foreach (var metric in (result["metrics"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = Text(metric, "type");
                if (type is null || !JsonNodes.TryGetDouble(metric["value"], out var number))
                {
                    warnings.Add($"A metric of '{task}' has no type or no numeric value ({metric["value"]?.ToJsonString() ?? "none"}); it was left out.");
                    continue;
                }

                metrics.Add(new MetricResult(task, JsonRead.Name(type), variant is null ? null : JsonRead.Name(variant), number, null, null, null));
            }
        }

        return new EvaluationImport(new EvaluationRun(
            EvaluationFormats.HfModelIndex, null, card.Text("model.name") is { } name ? JsonRead.Name(name) : null,
            "model-index", null, null, null, null, null, tasks, metrics, warnings), null);
    }

    public static bool Looks(string head) =>
        head.TrimStart('\uFEFF').StartsWith("---", StringComparison.Ordinal);

    private static string? Text(JsonObject record, string key) =>
        record[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

}
