using Vigie.Core.Risk;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Risk;

/// <summary>/api/v1/systems/{system}/forecast: the capability forecasts, their back-test, alerts and charts (PNG or SVG).</summary>
public static class ForecastEndpoints
{
    public static void MapForecasts(this IEndpointRouteBuilder app)
    {
        const string Path = "/api/v1/systems/{system}/forecast";
        app.MapGet(Path, async (HttpContext context, ForecastService forecasts, RiskQueries queries, RegistryQueries registry, string system, string? metric, string? backtest) =>
        {
            var (forecast, problem) = await LoadAsync(context, forecasts, registry, system, metric);
            if (problem is not null)
            {
                return problem;
            }

            var alerts = await queries.AlertsAsync(system, includeInternal: true, context.RequestAborted);
            var framework = forecast!.Framework.Framework;
            return Results.Ok(new
            {
                system,
                framework = framework.Ref,
                confidence = framework.Forecast.Confidence,
                scaleUp = framework.Forecast.ScaleUp,
                horizonMonths = framework.Forecast.HorizonMonths,
                metrics = forecast.Metrics.Select(m => Json(m, backtest == "true")),
                alerts = alerts.Select(a => new
                {
                    index = a.LogIndex, metric = a.MetricKey, category = a.Category, level = a.Level, basisVersion = a.BasisVersion,
                    upperCrossingFlop = a.UpperFlop, upperCrossingDate = a.UpperDate, summary = a.Summary, raisedAt = a.RaisedAt,
                }),
            });
        });

        app.MapGet(Path + ".png", (HttpContext context, ForecastService forecasts, RegistryQueries registry, string system, string? metric) =>
            ChartAsync(context, forecasts, registry, system, metric, svg: false));
        app.MapGet(Path + ".svg", (HttpContext context, ForecastService forecasts, RegistryQueries registry, string system, string? metric) =>
            ChartAsync(context, forecasts, registry, system, metric, svg: true));
    }

    private static async Task<IResult> ChartAsync(HttpContext context, ForecastService forecasts, RegistryQueries registry, string system, string? metric, bool svg)
    {
        var (forecast, problem) = await LoadAsync(context, forecasts, registry, system, metric);
        if (problem is not null)
        {
            return problem;
        }

        var chosen = forecast!.Metrics.FirstOrDefault(m => m.Points.Count > 0) ?? forecast.Metrics[0];
        return svg
            ? Results.Text(ForecastChart.Svg(system, chosen, forecast.Framework.Framework.Forecast), "image/svg+xml; charset=utf-8")
            : Results.Bytes(ForecastChart.Png(system, chosen, forecast.Framework.Framework.Forecast), "image/png");
    }

    /// <summary>A forecast needs a token: it is built from internal evaluations.</summary>
    private static async Task<(SystemForecast? Forecast, IResult? Problem)> LoadAsync(
        HttpContext context, ForecastService forecasts, RegistryQueries registry, string system, string? metric)
    {
        var (_, denied) = Caller.Require(context, Roles.All);
        if (denied is not null)
        {
            return (null, denied);
        }

        if (await registry.GetSystemAsync(system, true, context.RequestAborted) is null)
        {
            return (null, Problems.NotFound($"No system '{system}' is registered."));
        }

        if (await forecasts.ForecastAsync(system, includeInternal: true, context.RequestAborted) is not { } forecast)
        {
            return (null, Problems.NotFound("No risk framework is in force, so no metric is tracked; adopt one first (vigie frameworks adopt FILE)."));
        }

        if (metric is null)
        {
            return (forecast, null);
        }

        var chosen = forecast.Metrics.Where(m => m.MetricKey == metric || m.MetricKey.StartsWith(metric + " /", StringComparison.Ordinal)).ToList();
        return chosen.Count == 0
            ? (null, Problems.NotFound($"'{metric}' is not a metric the framework tracks; tracked metrics are: {string.Join("; ", forecast.Metrics.Select(m => m.MetricKey))}."))
            : (forecast with { Metrics = chosen }, null);
    }

    private static object Json(MetricForecast m, bool backtest) => new
    {
        metric = m.MetricKey,
        next = m.Next is null ? null : new { category = m.NextCategory, level = m.Next.Level, threshold = m.Next.Value, margin = m.Next.Margin, target = m.Target },
        points = m.Points.Select(p => new { version = p.Version, computeFlop = p.ComputeFlop, date = p.Date.UtcDateTime.ToString("yyyy-MM-dd"), score = p.Score }),
        compute = Axis(m.Compute),
        time = Axis(m.Time),
        fitCrossingFlop = m.FitCrossingFlop,
        upperCrossingFlop = m.UpperCrossingFlop,
        fitCrossingDate = m.FitCrossingDate?.UtcDateTime.ToString("yyyy-MM-dd"),
        upperCrossingDate = m.UpperCrossingDate?.UtcDateTime.ToString("yyyy-MM-dd"),
        alert = m.Alert,
        summary = m.Summary,
        backtest = !backtest || m.Next is null ? null : ForecastBacktest.Run(m.Points, ScoreScale.Of(m.Next), 0.90).Select(s => new
        {
            fittedOn = s.K, predictedVersion = s.Version, predicted = s.Predicted, lower = s.Lower, upper = s.Upper, actual = s.Actual,
            absoluteError = s.AbsoluteError, withinInterval = s.WithinInterval,
        }),
    };

    private static object Axis(AxisForecast a) => new
    {
        points = a.Points,
        tooFew = a.TooFew,
        note = a.Note,
        fit = a.Fit is not { } f ? null : new { intercept = f.Intercept, slope = f.Slope, residualSd = f.ResidualSd, rSquared = f.RSquared, n = f.N },
    };
}
