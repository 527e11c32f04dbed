namespace Vigie.Core.Risk;

/// <summary>One threshold judged against the evidence: the score used and where it came from.</summary>
public sealed record ThresholdFinding(Threshold Threshold, ThresholdStatus Status, double? Score, string? Variant, string? EvaluationId, bool FromPreMitigation)
{
    public bool CountsAsReached(MissingEvaluationRule missing) =>
        Status is ThresholdStatus.Reached or ThresholdStatus.CannotRuleOut || (Status == ThresholdStatus.Missing && missing == MissingEvaluationRule.Reached);
}
