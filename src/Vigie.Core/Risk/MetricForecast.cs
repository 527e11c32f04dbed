namespace Vigie.Core.Risk;

/// <summary>
/// A tracked metric's forecast: the next threshold it has not reached, the fits against compute
/// and time, the compute and date at which the fit and its upper bound reach the threshold, and
/// whether that falls within the next planned scale-up or the horizon (an early warning).
/// </summary>
public sealed record MetricForecast(
    string MetricKey,
    Threshold? Next,
    string? NextCategory,
    double? Target,
    IReadOnlyList<ForecastPoint> Points,
    AxisForecast Compute,
    AxisForecast Time,
    double? FitCrossingFlop,
    double? UpperCrossingFlop,
    DateTimeOffset? FitCrossingDate,
    DateTimeOffset? UpperCrossingDate,
    bool Alert,
    string Summary);
