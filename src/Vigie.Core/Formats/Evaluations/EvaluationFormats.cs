namespace Vigie.Core.Formats.Evaluations;

/// <summary>The evaluation file formats Vigie reads, by the names the API and CLI use.</summary>
public static class EvaluationFormats
{
    public const string Inspect = "inspect";
    public const string LmEval = "lm-eval";
    public const string HfModelIndex = "hf-model-index";
    public const string Csv = "csv";

    public static readonly IReadOnlyList<string> All = [Inspect, LmEval, HfModelIndex, Csv];

    public static bool IsKnown(string format) => All.Contains(format, StringComparer.Ordinal);

    /// <summary>The most metrics one file may carry (an lm-eval run of the whole MMLU has a few hundred).</summary>
    public const int MaxMetrics = 20_000;

    /// <summary>The longest task, metric or variant name kept.</summary>
    public const int MaxNameLength = 200;
}
