namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// What an evaluation file says, in one shape whatever harness wrote it: the model, when it ran,
/// which harness and version, its status, and every metric. <see cref="Warnings"/> lists what was
/// read but could not be used (a non-numeric metric value, an unknown CSV column).
/// </summary>
public sealed record EvaluationRun(
    string Format,
    string? FormatVersion,
    string? Model,
    string? Harness,
    string? HarnessVersion,
    string? Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    long? Samples,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyList<string> Warnings);
