using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// The <c>evaluation</c> group. <c>results</c> follows Hugging Face's model-index result
/// (task, dataset, metrics, source) flattened one level, so each is one record.
/// </summary>
internal static class EvaluationFields
{
    public static readonly IReadOnlyList<CardField> MetricFields =
    [
        Text("type", "Metric", "The metric's identifier, e.g. accuracy.", "HF metrics[].type", 200),
        NumberOrText("value", "Value", "The metric's value: a number, or text such as \"12.3 ± 0.4\"."),
        Text("name", "Display name", "A pretty name for the metric.", "HF metrics[].name", 200),
        Boolean("verified", "Verified", "Whether Hugging Face verified the value.", "HF metrics[].verified"),
        Verbatim("args", "Arguments", "Metric arguments, kept verbatim."),
        Verbatim("extra", "Other keys", "Keys of the metric Vigie does not know, kept verbatim."),
    ];

    public static readonly IReadOnlyList<CardField> ResultFields =
    [
        Text("taskType", "Task type", "e.g. text-generation.", "HF task.type", 200),
        Text("taskName", "Task name", "A pretty name for the task.", "HF task.name", 200),
        Text("datasetType", "Dataset type", "The dataset's identifier.", "HF dataset.type", 200),
        Text("datasetName", "Dataset name", "A pretty name for the dataset.", "HF dataset.name", 200),
        Text("datasetConfig", "Dataset configuration", "", "HF dataset.config", 200),
        Text("datasetSplit", "Dataset split", "", "HF dataset.split", 200),
        Text("datasetRevision", "Dataset revision", "", "HF dataset.revision", 200),
        Verbatim("datasetArgs", "Dataset arguments", "e.g. num_few_shot; kept verbatim."),
        Records("metrics", "Metrics", "The metrics measured.", MetricFields, "HF metrics"),
        Text("sourceName", "Source", "Where the result comes from, e.g. a leaderboard.", "HF source.name", 200),
        Url("sourceUrl", "Source URL", "", "HF source.url"),
        Verbatim("extra", "Other keys", "Keys of the result Vigie does not know, kept verbatim (nested as in the file)."),
    ];

    public static readonly CardGroup Group = new("evaluation", "Evaluation", [
        Tokens("evaluation.metrics", "Metrics used", "Metric identifiers.", "HF metrics"),
        Records("evaluation.results", "Results", "Evaluation results.", ResultFields, "HF model-index[0].results; CycloneDX quantitativeAnalysis.performanceMetrics; SPDX ai_metric"),
        Map("evaluation.decisionThresholds", "Decision thresholds", "Metric = threshold used to decide, one per line.", "SPDX ai_metricDecisionThreshold"),
        Prose("evaluation.method", "Evaluation method", "How the model was evaluated: evaluation strategies, benchmarks, protocols."),
        Prose("evaluation.elicitation", "Elicitation", "How capabilities were elicited (scaffolding, fine-tuning, prompting) during evaluation."),
        Prose("evaluation.adversarialTesting", "Adversarial testing", "Red-teaming and adversarial testing performed."),
    ]);
}
