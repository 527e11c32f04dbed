using System.Globalization;
using Vigie.Core.Risk;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// Builds each version's point for every metric the framework's thresholds read — the
/// pre-mitigation score (latest import, riskiest variant), the effective compute recorded with the
/// evaluation (else the registry's total with lineage) and the version's date (its last training
/// run's end, else its registration) — and forecasts them (<see cref="CapabilityForecaster"/>).
/// </summary>
public sealed class ForecastService(RiskQueries queries, RegistryQueries registry, TimeProvider time)
{
    public async Task<SystemForecast?> ForecastAsync(string system, bool includeInternal, CancellationToken cancellationToken)
    {
        if (await queries.CurrentFrameworkAsync(cancellationToken) is not { } row)
        {
            return null;
        }

        var framework = row.Framework;
        var points = await PointsAsync(system, framework, includeInternal, cancellationToken);
        var forecasts = framework.Categories
            .SelectMany(c => c.Thresholds.Select(t => (Threshold: t, Category: c.Id)))
            .GroupBy(t => t.Threshold.MetricKey)
            .Select(g => CapabilityForecaster.Forecast(g.ToList(), points.GetValueOrDefault(g.Key) ?? [], framework.Forecast, time.GetUtcNow()))
            .ToList();
        return new SystemForecast(system, row, forecasts);
    }

    /// <summary>The points of every metric key, across the system's versions.</summary>
    public async Task<Dictionary<string, List<ForecastPoint>>> PointsAsync(string system, Framework framework, bool includeInternal, CancellationToken cancellationToken)
    {
        var evaluations = await queries.EvaluationsAsync(system, null, includeInternal, cancellationToken);
        var byIndex = evaluations.ToDictionary(e => e.LogIndex);
        var observed = (await queries.MetricsAsync(byIndex.Keys, cancellationToken))
            .Select(m => (Row: byIndex[m.Evaluation], Result: new ObservedResult(RiskIds.Evaluation(m.Evaluation), m.Evaluation, byIndex[m.Evaluation].Stage, m.ToResult())))
            .ToList();
        var result = new Dictionary<string, List<ForecastPoint>>(StringComparer.Ordinal);
        var versions = await registry.ListVersionsAsync(system, includeInternal, cancellationToken);
        foreach (var version in versions)
        {
            var mine = observed.Where(o => o.Row.Version == version.Version).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var date = await DateAsync(system, version, includeInternal, cancellationToken);
            double? registryCompute = null;
            foreach (var threshold in framework.Categories.SelectMany(c => c.Thresholds).DistinctBy(t => t.MetricKey))
            {
                var matching = ScorecardDerivation.Matching(threshold, mine.Select(o => o.Result), MitigationStage.Pre);
                if (matching.Count == 0)
                {
                    continue;
                }

                var riskiest = threshold.Direction == ThresholdDirection.AtLeast ? matching.MaxBy(r => r.Metric.Value)! : matching.MinBy(r => r.Metric.Value)!;
                var compute = byIndex[riskiest.Index].EffectiveFlop;
                if (compute is null)
                {
                    registryCompute ??= await registry.TotalComputeFlopAsync(system, version.Version, cancellationToken);
                    compute = registryCompute > 0 ? registryCompute : null;
                }

                if (!result.TryGetValue(threshold.MetricKey, out var list))
                {
                    result[threshold.MetricKey] = list = [];
                }

                list.Add(new ForecastPoint(version.Version, compute, date, riskiest.Metric.Value));
            }
        }

        return result;
    }

    private async Task<DateTimeOffset> DateAsync(string system, RegistryQueries.VersionRow version, bool includeInternal, CancellationToken cancellationToken)
    {
        var runs = await registry.ListTrainingRunsAsync(system, version.Version, includeInternal, cancellationToken);
        var last = runs.Select(r => r.EndedOn ?? r.StartedOn).Where(d => d is not null).Max();
        return last is not null && DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ended)
            ? ended.ToUniversalTime()
            : DateTimeOffset.Parse(version.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
    }
}
