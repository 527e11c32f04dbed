namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// One measured value: the task (benchmark) it was measured on, the metric's plain name
/// (<c>accuracy</c>, <c>acc</c>, <c>exact_match</c>), and the variant that distinguishes several
/// values of the same metric — an Inspect scorer, an lm-eval filter, a model-index dataset split.
/// </summary>
public sealed record MetricResult(
    string Task,
    string Metric,
    string? Variant,
    double Value,
    double? Stderr,
    long? Samples,
    bool? HigherIsBetter);
