using System.Globalization;

namespace Vigie.Core.Risk;

/// <summary>
/// A written threshold: the category reaches <see cref="Level"/> when the metric of
/// <see cref="Task"/> crosses <see cref="Value"/>. Within <see cref="Margin"/> of it the
/// capability cannot be ruled out, and that counts as reached (the safety margin).
/// <see cref="Variant"/> narrows to one scorer or filter; without it, the highest-risk variant counts.
/// <see cref="RangeLow"/>..<see cref="RangeHigh"/> bound the score (for the forecast's logit).
/// </summary>
public sealed record Threshold(
    string Level,
    string Task,
    string Metric,
    string? Variant,
    ThresholdDirection Direction,
    double Value,
    double Margin,
    double RangeLow,
    double RangeHigh,
    string? Description)
{
    /// <summary>The key that names the metric this threshold reads, as "task / metric[ / variant]".</summary>
    public string MetricKey => Variant is null ? $"{Task} / {Metric}" : $"{Task} / {Metric} / {Variant}";

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{MetricKey} {(Direction == ThresholdDirection.AtLeast ? ">=" : "<=")} {Value:G6} (margin {Margin:G6})");

    /// <summary>Whether the score reaches the threshold itself.</summary>
    public bool Reached(double score) => Direction == ThresholdDirection.AtLeast ? score >= Value : score <= Value;

    /// <summary>Whether the score is within the safety margin of the threshold (or beyond it).</summary>
    public bool CannotRuleOut(double score) => Direction == ThresholdDirection.AtLeast ? score >= Value - Margin : score <= Value + Margin;
}
