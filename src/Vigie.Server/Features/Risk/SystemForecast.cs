using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>A system's forecasts under the framework in force: one per tracked metric the framework's thresholds read.</summary>
public sealed record SystemForecast(string System, RiskQueries.ProposalRow Framework, IReadOnlyList<MetricForecast> Metrics);
