using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// Raises early warnings: after a system's evaluations change, any metric whose upper prediction
/// bound reaches its next threshold within the next planned scale-up or the horizon gets a
/// forecast.alert entry — once per metric, threshold level and latest version, so re-importing
/// does not repeat it, while a new, more capable version raises it again on its own evidence.
/// </summary>
public sealed class ForecastAlerts(Ledger.Ledger ledger, ForecastService forecasts, RiskQueries queries, ILogger<ForecastAlerts> logger)
{
    public async Task<IReadOnlyList<long>> CheckAsync(string system, string? actor, CancellationToken cancellationToken)
    {
        if (await forecasts.ForecastAsync(system, includeInternal: true, cancellationToken) is not { } forecast)
        {
            return [];
        }

        var existing = await queries.AlertsAsync(system, includeInternal: true, cancellationToken);
        var raised = new List<long>();
        foreach (var metric in forecast.Metrics.Where(m => m.Alert && m.Next is not null))
        {
            var basis = metric.Points[^1].Version;
            if (existing.Any(a => a.MetricKey == metric.MetricKey && a.Level == metric.Next!.Level && a.BasisVersion == basis))
            {
                continue;
            }

            var body = new RiskEntries.AlertBody(system, metric.MetricKey, metric.NextCategory!, metric.Next!.Level, metric.Target!.Value, basis,
                forecast.Framework.Framework.Ref, metric.UpperCrossingFlop, metric.UpperCrossingDate is { } d ? LedgerTime.Format(d) : null,
                metric.FitCrossingFlop, metric.Summary);
            var result = await ledger.AppendAsync(new LedgerWrite(RiskEntries.ForecastAlert, actor, Visibility.Internal, BodyJson.ToElement(body)), cancellationToken);
            if (result.Succeeded)
            {
                raised.Add(result.Index);
                logger.LogWarning("Early warning for {System}: {Summary}", system, metric.Summary);
            }
        }

        return raised;
    }
}
