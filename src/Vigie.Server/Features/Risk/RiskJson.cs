using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>The JSON shapes of the risk feature's API responses.</summary>
public static class RiskJson
{
    public static object Framework(RiskQueries.ProposalRow row)
    {
        var f = row.Framework;
        return new
        {
            name = f.Name,
            version = f.Version,
            @ref = f.Ref,
            title = f.Title,
            description = f.Description,
            source = f.Source,
            digest = f.Digest,
            decision = row.Decision,
            adoptedIndex = row.AdoptedIndex,
            adoptedAt = row.AdoptedAt,
            missingEvaluation = f.Missing == MissingEvaluationRule.Unknown ? "unknown" : "reached",
            cadence = new { computeMultiple = f.Cadence.ComputeMultiple, months = f.Cadence.Months },
            forecast = new { scaleUp = f.Forecast.ScaleUp, horizonMonths = f.Forecast.HorizonMonths, confidence = f.Forecast.Confidence },
            levels = f.Levels.Select(FrameworkEndpoints.LevelJson),
            categories = f.Categories.Select(c => new
            {
                id = c.Id,
                name = c.Name,
                tracked = c.Tracked,
                description = c.Description,
                thresholds = c.Thresholds.Select(Threshold),
            }),
            riskMatrix = new
            {
                likelihood = f.Matrix.Likelihood,
                severity = f.Matrix.Severity,
                ratings = f.Matrix.Bands.Select(b => new { upTo = b.UpTo, rating = b.Rating }),
            },
            yaml = row.Yaml,
        };
    }

    public static object Threshold(Threshold t) => new
    {
        level = t.Level,
        task = t.Task,
        metric = t.Metric,
        variant = t.Variant,
        direction = t.Direction == ThresholdDirection.AtLeast ? "at-least" : "at-most",
        value = t.Value,
        margin = t.Margin,
        range = new[] { t.RangeLow, t.RangeHigh },
        description = t.Description,
    };

    public static object Evaluation(RiskQueries.EvaluationRow e, IEnumerable<RiskQueries.MetricRow>? metrics) => new
    {
        id = e.Id,
        index = e.LogIndex,
        system = e.System,
        version = e.Version,
        name = e.Name,
        format = e.Format,
        formatVersion = e.FormatVersion,
        model = e.Model,
        harness = e.Harness,
        harnessVersion = e.HarnessVersion,
        status = e.RunStatus,
        startedAt = e.StartedAt,
        completedAt = e.CompletedAt,
        samples = e.Samples,
        stage = e.Stage,
        effectiveComputeFlop = e.EffectiveFlop,
        sha256 = e.Sha256,
        size = e.SizeBytes,
        evidence = Evidence.EvidenceIds.Format(e.EvidenceIndex),
        tasks = e.TaskList,
        warnings = e.WarningList,
        visibility = e.Visibility,
        importedAt = e.ImportedAt,
        importedBy = e.ImportedBy,
        metrics = metrics?.Select(m => new
        {
            task = m.Task,
            metric = m.Metric,
            variant = m.Variant,
            value = m.Value,
            stderr = m.Stderr,
            samples = m.Samples,
            higherIsBetter = m.HigherIsBetter is { } h ? h == 1 : (bool?)null,
        }),
    };
}
