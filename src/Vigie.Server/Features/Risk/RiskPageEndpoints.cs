using System.Text;
using Vigie.Server.Features.Sessions;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// What the workspace pages load besides themselves, under /app so the session cookie counts:
/// the forecast chart as SVG and the register's CSV. Both only read.
/// </summary>
public static class RiskPageEndpoints
{
    public static void MapRiskPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/systems/{system}/forecast.svg", async (HttpContext context, ForecastService forecasts, string system, string? metric) =>
        {
            if (Caller.Of(context) is null)
            {
                return Problems.Unauthorized("Sign in to see the forecast.");
            }

            var forecast = await forecasts.ForecastAsync(system, includeInternal: true, context.RequestAborted);
            var chosen = forecast?.Metrics.FirstOrDefault(m => metric is null ? m.Points.Count > 0 : m.MetricKey == metric);
            return chosen is null
                ? Problems.NotFound($"No tracked metric '{metric}' for '{system}'.")
                : Results.Text(ForecastChart.Svg(system, chosen, forecast!.Framework.Framework.Forecast), "image/svg+xml; charset=utf-8", Encoding.UTF8);
        }).AcceptsSessionCookie();

        app.MapGet("/app/risks/export.csv", async (HttpContext context, RiskRegister register) =>
        {
            if (Caller.Of(context) is null)
            {
                return Problems.Unauthorized("Sign in to export the register.");
            }

            var csv = RiskCsv.Write(await register.ListAsync(false, context.RequestAborted), await register.MatrixAsync(context.RequestAborted));
            return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "risk-register.csv");
        }).AcceptsSessionCookie();
    }
}
