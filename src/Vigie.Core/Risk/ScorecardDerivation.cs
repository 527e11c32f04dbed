using System.Globalization;

namespace Vigie.Core.Risk;

/// <summary>
/// Derives each category's level from the written thresholds (issue 5, "Scorecards"): the highest
/// level whose threshold is reached or cannot be ruled out (within the safety margin); the lowest
/// level when every threshold is below; unknown when a threshold above the reached level has no
/// evaluation — unknown is never Low. The latest result of a metric (by log index) is used; when a
/// threshold names no variant, the variant closest to the capability counts. After mitigation,
/// thresholds are judged on post-mitigation results where there are any and on the
/// pre-mitigation ones otherwise: a mitigation is credited only with evidence.
/// </summary>
public static class ScorecardDerivation
{
    public static IReadOnlyList<CategoryAssessment> Derive(Framework framework, IReadOnlyList<ObservedResult> results) =>
        framework.Categories.Select(c => Assess(framework, c, results)).ToList();

    public static CategoryAssessment Assess(Framework framework, RiskCategory category, IReadOnlyList<ObservedResult> results)
    {
        var pre = category.Thresholds.Select(t => Judge(t, results, MitigationStage.Pre, null)).ToList();
        var post = category.Thresholds.Select((t, i) => Judge(t, results, MitigationStage.Post, pre[i])).ToList();
        return new CategoryAssessment(category, Level(framework, category, pre), Level(framework, category, post), pre, post);
    }

    /// <summary>The results a threshold reads: same task and metric (and variant, when it names one), latest import per variant.</summary>
    public static IReadOnlyList<ObservedResult> Matching(Threshold threshold, IEnumerable<ObservedResult> results, string stage) =>
        results.Where(r => r.Stage == stage && r.Metric.Task == threshold.Task && r.Metric.Metric == threshold.Metric &&
                           (threshold.Variant is null || r.Metric.Variant == threshold.Variant))
            .GroupBy(r => r.Metric.Variant ?? "")
            .Select(g => g.MaxBy(r => r.Index)!)
            .ToList();

    private static ThresholdFinding Judge(Threshold threshold, IReadOnlyList<ObservedResult> results, string stage, ThresholdFinding? fallback)
    {
        var matching = Matching(threshold, results, stage);
        if (matching.Count == 0)
        {
            return fallback ?? new ThresholdFinding(threshold, ThresholdStatus.Missing, null, null, null, stage == MitigationStage.Pre);
        }

        var riskiest = threshold.Direction == ThresholdDirection.AtLeast
            ? matching.MaxBy(r => r.Metric.Value)!
            : matching.MinBy(r => r.Metric.Value)!;
        var score = riskiest.Metric.Value;
        var status = threshold.Reached(score) ? ThresholdStatus.Reached
            : threshold.CannotRuleOut(score) ? ThresholdStatus.CannotRuleOut
            : ThresholdStatus.Below;
        return new ThresholdFinding(threshold, status, score, riskiest.Metric.Variant, riskiest.EvaluationId, stage == MitigationStage.Pre);
    }

    private static LevelFinding Level(Framework framework, RiskCategory category, IReadOnlyList<ThresholdFinding> findings)
    {
        if (findings.Count == 0)
        {
            return new LevelFinding(null, null, "The framework writes no thresholds for this category, so no level can be derived; a person must judge it.");
        }

        var reached = findings.Where(f => f.CountsAsReached(framework.Missing)).ToList();
        var top = reached.Count == 0 ? null : reached.MaxBy(f => framework.Rank(f.Threshold.Level));
        var topRank = top is null ? 0 : framework.Rank(top.Threshold.Level);
        var unknown = framework.Missing == MissingEvaluationRule.Unknown
            ? findings.Where(f => f.Status == ThresholdStatus.Missing && framework.Rank(f.Threshold.Level) > topRank).ToList()
            : [];
        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Select(f => f.Threshold.MetricKey).Distinct());
            return new LevelFinding(null, top?.Threshold.Level,
                $"No evaluation measured {names}, which decide{(unknown.Count == 1 ? "s" : "")} whether '{framework.Level(unknown.MinBy(f => framework.Rank(f.Threshold.Level))!.Threshold.Level).Name}' or above is reached" +
                (top is null ? "." : $"; the evidence shows at least '{framework.Level(top.Threshold.Level).Name}'."));
        }

        if (top is null)
        {
            return new LevelFinding(framework.Levels[0].Id, null, "Every threshold is below its value by more than the safety margin.");
        }

        var how = top.Status switch
        {
            ThresholdStatus.Reached => "reaches",
            ThresholdStatus.CannotRuleOut => "is within the safety margin of (cannot rule out)",
            _ => "has no evaluation for, which the framework counts as reaching,",
        };
        var score = top.Score is { } s ? s.ToString("G6", CultureInfo.InvariantCulture) + " " : "";
        return new LevelFinding(top.Threshold.Level, null,
            $"{top.Threshold.MetricKey} {score}{how} the '{framework.Level(top.Threshold.Level).Name}' threshold {top.Threshold.Describe()}.");
    }
}
