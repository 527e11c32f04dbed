using System.Globalization;

namespace Vigie.Core.Risk;

/// <summary>
/// Forecasts when a tracked metric reaches its next threshold (METHODS.md, "Capability
/// forecasting"): OLS of the logit of the bounded score on log10(effective training compute), and
/// on time; the compute and date where the fitted line and its upper prediction bound (90 % by
/// default) meet the threshold's cannot-rule-out point (value less the safety margin); and an early
/// warning when the upper bound gets there within the next planned scale-up of the latest compute
/// or within the horizon. With fewer than three points it says so and fits nothing.
/// </summary>
public static class CapabilityForecaster
{
    private const double DaysPerYear = 365.25;

    /// <summary>How far past the latest point a crossing is looked for: 12 orders of magnitude of compute, or 50 years.</summary>
    private const double SearchSpan = 12;

    public static MetricForecast Forecast(
        IReadOnlyList<(Threshold Threshold, string Category)> thresholds, IReadOnlyList<ForecastPoint> points, ForecastSettings settings, DateTimeOffset now)
    {
        var key = thresholds[0].Threshold.MetricKey;
        var ordered = points.OrderBy(p => p.Date).ThenBy(p => p.ComputeFlop ?? 0).ToList();
        var latest = ordered.Count > 0 ? ordered[^1] : null;
        var next = thresholds
            .OrderBy(t => Effective(t.Threshold) * (t.Threshold.Direction == ThresholdDirection.AtLeast ? 1 : -1))
            .FirstOrDefault(t => latest is null || !t.Threshold.CannotRuleOut(latest.Score));
        var basis = next.Threshold ?? thresholds[0].Threshold;
        var scale = ScoreScale.Of(basis);
        var target = next.Threshold is null ? (double?)null : scale.ToLogit(Effective(next.Threshold));

        var withCompute = ordered.Where(p => p.ComputeFlop is > 0).ToList();
        var compute = Axis("compute", withCompute.Select(p => Math.Log10(p.ComputeFlop!.Value)).ToList(),
            withCompute.Select(p => scale.ToLogit(p.Score)).ToList(), target, settings.Confidence,
            withCompute.Count < ordered.Count ? $"{ordered.Count - withCompute.Count} version(s) without recorded training compute are left out." : null);
        var time = Axis("time", ordered.Select(p => Years(p.Date)).ToList(), ordered.Select(p => scale.ToLogit(p.Score)).ToList(),
            target, settings.Confidence, null);

        double? Flop(double? x) => x is { } v ? Math.Pow(10, v) : null;
        DateTimeOffset? Date(double? x) => x is { } v && v < 9000 ? DateTimeOffset.UnixEpoch.AddDays(v * DaysPerYear) : null;
        var fitFlop = Flop(compute.FitCrossing);
        var upperFlop = Flop(compute.UpperCrossing);
        var fitDate = Date(time.FitCrossing);
        var upperDate = Date(time.UpperCrossing);

        var latestFlop = withCompute.Count > 0 ? withCompute.Max(p => p.ComputeFlop!.Value) : (double?)null;
        var scaleUp = latestFlop is { } lf ? lf * settings.ScaleUp : (double?)null;
        var horizon = now.AddMonths(settings.HorizonMonths);
        var byCompute = upperFlop is { } uf && scaleUp is { } su && uf <= su;
        var byTime = upperDate is { } ud && ud <= horizon;
        var alert = next.Threshold is not null && (byCompute || byTime);
        var summary = Summarise(key, next, latest, compute, time, fitFlop, upperFlop, fitDate, upperDate, alert, byCompute, byTime, settings);
        return new MetricForecast(key, next.Threshold, next.Category, target is null ? null : Effective(next.Threshold!), ordered, compute, time,
            fitFlop, upperFlop, fitDate, upperDate, alert, summary);
    }

    /// <summary>The score at which a threshold counts as reached: its value less (or plus) the safety margin.</summary>
    public static double Effective(Threshold t) => t.Direction == ThresholdDirection.AtLeast ? t.Value - t.Margin : t.Value + t.Margin;

    public static double Years(DateTimeOffset date) => (date - DateTimeOffset.UnixEpoch).TotalDays / DaysPerYear;

    private static AxisForecast Axis(string axis, List<double> xs, List<double> ys, double? target, double confidence, string? note)
    {
        if (xs.Count < 3)
        {
            return new AxisForecast(axis, xs.Count, null,
                $"Too few points to fit against {axis}: {xs.Count} version(s) with a result{(axis == "compute" ? " and training compute" : "")}; at least 3 are needed.", null, null, note);
        }

        var fit = LinearFit.Of(xs, ys);
        if (fit is null)
        {
            return new AxisForecast(axis, xs.Count, null, $"Every point has the same {axis}; no line can be fitted.", null, null, note);
        }

        if (target is not { } t)
        {
            return new AxisForecast(axis, xs.Count, fit, null, null, null, note);
        }

        var last = xs.Max();
        double? fitCross = fit.Slope > 0 ? Math.Max((t - fit.Intercept) / fit.Slope, double.MinValue) : null;
        if (fitCross is { } fc && fc < last && fit.Predict(last) >= t)
        {
            fitCross = last; // the fitted line is past the threshold already at the latest point
        }

        return new AxisForecast(axis, xs.Count, fit, null, fitCross, UpperCrossing(fit, last, t, confidence),
            fit.Slope <= 0 ? (note is null ? "" : note + " ") + $"The fitted line does not rise with {axis}." : note);
    }

    /// <summary>The smallest x at or after <paramref name="from"/> where the upper bound reaches <paramref name="target"/>.</summary>
    private static double? UpperCrossing(LinearFit fit, double from, double target, double confidence)
    {
        double Gap(double x) => fit.UpperBound(x, confidence) - target;
        if (Gap(from) >= 0)
        {
            return from;
        }

        const int steps = 1200;
        var step = SearchSpan / steps;
        var lo = from;
        for (var i = 1; i <= steps; i++)
        {
            var hi = from + i * step;
            if (Gap(hi) >= 0)
            {
                for (var k = 0; k < 60; k++)
                {
                    var mid = (lo + hi) / 2;
                    if (Gap(mid) >= 0)
                    {
                        hi = mid;
                    }
                    else
                    {
                        lo = mid;
                    }
                }

                return hi;
            }

            lo = hi;
        }

        return null;
    }

    private static string Summarise(
        string key, (Threshold? Threshold, string? Category) next, ForecastPoint? latest, AxisForecast compute, AxisForecast time,
        double? fitFlop, double? upperFlop, DateTimeOffset? fitDate, DateTimeOffset? upperDate, bool alert, bool byCompute, bool byTime, ForecastSettings settings)
    {
        if (latest is null)
        {
            return $"No version has a result for {key} yet.";
        }

        if (next.Threshold is null)
        {
            return $"{key}: every threshold of this metric is reached or cannot be ruled out at the latest version ({latest.Version}).";
        }

        var goal = $"the {next.Category} '{next.Threshold.Level}' threshold ({Num(Effective(next.Threshold))} with its margin)";
        if (compute.Fit is null && time.Fit is null)
        {
            return $"{key}: {compute.TooFew} No forecast toward {goal}.";
        }

        var parts = new List<string>();
        if (compute.Fit is not null)
        {
            parts.Add($"against compute, the fit reaches {goal} at {(fitFlop is { } f ? Flop(f) : "no compute (it does not rise)")}, " +
                      $"its upper {settings.Confidence:P0} bound at {(upperFlop is { } u ? Flop(u) : "no compute within 12 orders of magnitude")}");
        }
        else
        {
            parts.Add(compute.TooFew!);
        }

        if (time.Fit is not null)
        {
            parts.Add($"against time, the fit reaches it on {(fitDate is { } d ? Day(d) : "no date (it does not rise)")}, the upper bound on {(upperDate is { } ud ? Day(ud) : "no date within 12 years")}");
        }

        var warning = alert
            ? $" EARLY WARNING: the upper bound reaches it {(byCompute ? $"within the next planned scale-up ({settings.ScaleUp:G3}x the latest compute)" : "")}{(byCompute && byTime ? " and " : "")}{(byTime ? $"within {settings.HorizonMonths} months" : "")}."
            : "";
        return $"{key}: {string.Join("; ", parts)}.{warning}";
    }

    public static string Flop(double flop) => flop.ToString("0.00e+00", CultureInfo.InvariantCulture) + " FLOP";

    private static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
