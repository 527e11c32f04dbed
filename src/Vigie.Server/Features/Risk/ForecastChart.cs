using ScottPlot;
using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The forecast chart (METHODS.md: "show the fit, the points and the thresholds"): each version's
/// score against log10 of its effective compute, the fitted logistic line, its upper prediction
/// bound, the next threshold (and its cannot-rule-out point) and the next planned scale-up.
/// Rendered with ScottPlot, as PNG or SVG.
/// </summary>
public static class ForecastChart
{
    private const int Width = 900;
    private const int Height = 520;

    public static byte[] Png(string system, MetricForecast forecast, ForecastSettings settings) =>
        Build(system, forecast, settings).GetImageBytes(Width, Height, ImageFormat.Png);

    public static string Svg(string system, MetricForecast forecast, ForecastSettings settings) =>
        Build(system, forecast, settings).GetSvgXml(Width, Height);

    private static Plot Build(string system, MetricForecast forecast, ForecastSettings settings)
    {
        var plot = new Plot();
        plot.Title($"{system}: {forecast.MetricKey}");
        plot.XLabel("log10 effective training compute (FLOP)");
        plot.YLabel("score");
        var points = forecast.Points.Where(p => p.ComputeFlop is > 0).ToList();
        var xs = points.Select(p => Math.Log10(p.ComputeFlop!.Value)).ToArray();
        if (xs.Length > 0)
        {
            var scatter = plot.Add.ScatterPoints(xs, points.Select(p => p.Score).ToArray());
            scatter.MarkerSize = 9;
            scatter.LegendText = "versions";
            for (var i = 0; i < points.Count; i++)
            {
                var label = plot.Add.Text(points[i].Version, xs[i], points[i].Score);
                label.LabelFontSize = 11;
                label.OffsetX = 6;
            }
        }

        var threshold = forecast.Next;
        if (forecast.Compute.Fit is { } fit && threshold is not null)
        {
            var scale = ScoreScale.Of(threshold);
            var from = xs.Min() - 0.5;
            var to = Math.Max(xs.Max() + Math.Log10(settings.ScaleUp) + 0.5, Math.Min((forecast.Compute.UpperCrossing ?? xs.Max()) + 0.5, xs.Max() + 6));
            var grid = Enumerable.Range(0, 121).Select(i => from + (to - from) * i / 120).ToArray();
            var line = plot.Add.ScatterLine(grid, grid.Select(x => scale.FromLogit(fit.Predict(x))).ToArray());
            line.LegendText = "fit (OLS on logit score)";
            line.LineWidth = 2;
            var upper = plot.Add.ScatterLine(grid, grid.Select(x => scale.FromLogit(fit.UpperBound(x, settings.Confidence))).ToArray());
            upper.LegendText = $"upper {settings.Confidence:P0} prediction bound";
            upper.LinePattern = LinePattern.Dashed;
            upper.LineWidth = 2;
        }

        if (threshold is not null)
        {
            var value = plot.Add.HorizontalLine(threshold.Value);
            value.LegendText = $"{forecast.NextCategory} '{threshold.Level}' threshold";
            value.Color = Colors.Red;
            if (forecast.Target is { } target && Math.Abs(target - threshold.Value) > 1e-12)
            {
                var margin = plot.Add.HorizontalLine(target);
                margin.LegendText = "cannot rule out (threshold less margin)";
                margin.Color = Colors.Orange;
                margin.LinePattern = LinePattern.Dotted;
            }
        }

        if (xs.Length > 0)
        {
            var scaleUp = plot.Add.VerticalLine(xs.Max() + Math.Log10(settings.ScaleUp));
            scaleUp.LegendText = $"next planned scale-up ({settings.ScaleUp:G3}x)";
            scaleUp.Color = Colors.Gray;
            scaleUp.LinePattern = LinePattern.Dashed;
        }

        if (forecast.Compute.TooFew is { } tooFew)
        {
            var note = plot.Add.Annotation(tooFew);
            note.LabelFontSize = 12;
        }

        if (forecast.Alert)
        {
            var warning = plot.Add.Annotation("EARLY WARNING: the upper bound reaches the threshold within the next scale-up or the horizon", Alignment.LowerCenter);
            warning.LabelFontColor = Colors.DarkRed;
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
