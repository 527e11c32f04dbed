using System.Globalization;
using Vigie.Server.Features.Portal;
using Vigie.Server.Features.Risk;

namespace Vigie.Server.Features.Reports;

/// <summary>
/// The transparency report's capability forecasts: for each public system, every tracked metric
/// of the framework in force with public evaluations — the next threshold, where the fitted trend
/// and its upper prediction bound reach it (METHODS.md: OLS on the logit of the score against log10
/// of effective compute), whether that is an early warning — and the forecast chart where a line
/// could be fitted. Only public evaluations are used, so the public sees the forecast its own
/// evidence supports; the entries named are those evaluations and the framework.
/// </summary>
public sealed class ForecastReportSection(RiskQueries risk, ForecastService forecasts)
{
    public async Task<IReadOnlyList<ReportBlock>> BuildAsync(PortalSnapshot snapshot, CancellationToken cancellationToken)
    {
        var size = snapshot.Checkpoint.Size;
        if (await risk.CurrentFrameworkAsync(cancellationToken) is not { } framework || framework.LogIndex >= size)
        {
            return [new ReportAbsent("Capability forecasts", "No capability-risk framework is in force, so no capability threshold is tracked or forecast.")];
        }

        var blocks = new List<ReportBlock>
        {
            new ReportParagraph($"Forecasts under the framework in force, {framework.Name} version {framework.Version} (log entry #{framework.LogIndex}): each version's score on "
                + "a tracked metric against log10 of its effective training compute, fitted by least squares on the logit of the score, with the upper "
                + $"{framework.Framework.Forecast.Confidence:P0} prediction bound. A crossing within the next planned scale-up "
                + $"({framework.Framework.Forecast.ScaleUp.ToString("G3", CultureInfo.InvariantCulture)}x) or the horizon is an early warning."),
        };
        var rows = new List<ReportRow>();
        var charts = new List<ReportBlock>();
        foreach (var system in snapshot.Systems.Where(s => s.System.LogIndex < size))
        {
            var name = system.System.Name;
            if (await forecasts.ForecastAsync(name, includeInternal: false, cancellationToken) is not { } forecast)
            {
                continue;
            }

            var evaluations = (await risk.EvaluationsAsync(name, null, includeInternal: false, cancellationToken)).Where(e => e.LogIndex < size).ToList();
            foreach (var metric in forecast.Metrics.Where(m => m.Points.Count > 0))
            {
                var versions = metric.Points.Select(p => p.Version).ToHashSet(StringComparer.Ordinal);
                List<long> entries = [.. evaluations.Where(e => versions.Contains(e.Version)).Select(e => e.LogIndex), framework.LogIndex];
                rows.Add(new ReportRow([
                    $"{name}: {metric.MetricKey}",
                    metric.Next is { } next ? $"{metric.NextCategory} '{next.Level}' at {ReportFormat.Number(next.Value)}" : "every threshold reached",
                    string.Join(", ", metric.Points.Select(p => $"{p.Version}: {ReportFormat.Number(p.Score)}")),
                    metric.FitCrossingFlop is { } fit ? ReportFormat.Number(fit) + " FLOP" : "—",
                    metric.UpperCrossingFlop is { } upper ? ReportFormat.Number(upper) + " FLOP" + (metric.UpperCrossingDate is { } d ? $", {d:yyyy-MM-dd}" : "") : "—",
                    metric.Alert ? "yes" : "no",
                ], entries));
                if (metric.Compute.Fit is not null && metric.Next is not null)
                {
                    charts.Add(new ReportImage($"Capability forecast: {name}, {metric.MetricKey}", metric.Summary,
                        ForecastChart.Png(name, metric, framework.Framework.Forecast), entries));
                }
            }
        }

        if (rows.Count == 0)
        {
            blocks.Add(new ReportAbsent("Capability forecasts", "No public evaluation of a metric the framework tracks is recorded, so there is nothing to forecast."));
            return blocks;
        }

        blocks.Add(new ReportTable(["Metric", "Next threshold", "Scores by version", "Trend reaches it at", "Upper bound reaches it at", "Early warning"], rows));
        blocks.AddRange(charts);
        return blocks;
    }
}
