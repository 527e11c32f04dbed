using System.CommandLine;
using System.Text.Json;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie forecast SYSTEM [--metric M] [--png FILE] [--backtest]: when each tracked metric's fit and
/// its upper prediction bound reach the next threshold, in compute and date; the chart as PNG.
/// Exits 1 when an early warning is on.
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var metric = new Option<string?>("--metric") { Description = "One tracked metric, as 'task / metric' or just the task (default: all)." };
        var png = new Option<string?>("--png") { Description = "Write the chart of the metric (the first with points, without --metric) to this PNG file." };
        var backtest = new Option<bool>("--backtest") { Description = "Also forecast each version from the ones before it and show the error." };
        var command = new Command("forecast", "Forecast when tracked metrics reach their next threshold (fit against log10 compute and time, with a prediction interval). Exits 1 on an early warning.")
        {
            system, metric, png, backtest,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = $"{RegistryOptions.Path(parse.GetValue(system)!)}/forecast";
            var query = new List<string>();
            if (parse.GetValue(metric) is { } m) query.Add("metric=" + Uri.EscapeDataString(m));
            var forecast = await context.Api.GetJsonAsync($"{path}?{string.Join("&", query.Append(parse.GetValue(backtest) ? "backtest=true" : "backtest=false"))}", cancellationToken);
            if (parse.GetValue(png) is { } file)
            {
                var bytes = await context.Api.GetBytesAsync($"{path}.png{(query.Count > 0 ? "?" + string.Join("&", query) : "")}", cancellationToken);
                await File.WriteAllBytesAsync(file, bytes, cancellationToken);
                context.Notice($"Wrote the chart to {file} ({bytes.Length} bytes).");
            }

            var alert = forecast.GetProperty("metrics").EnumerateArray().Any(x => x.GetProperty("alert").GetBoolean());
            if (context.Json)
            {
                context.WriteJson(forecast);
                return alert ? ExitCodes.Failed : ExitCodes.Ok;
            }

            var o = context.Environment.Out;
            o.WriteLine($"Forecasts for {parse.GetValue(system)} under {forecast.Text("framework")} ({forecast.GetProperty("confidence").GetDouble():P0} prediction interval; warning horizon: {forecast.Text("scaleUp")}x compute or {forecast.Text("horizonMonths")} months).");
            foreach (var x in forecast.GetProperty("metrics").EnumerateArray())
            {
                o.WriteLine((x.GetProperty("alert").GetBoolean() ? "! " : "  ") + x.Text("summary"));
                if (x.GetProperty("backtest") is { ValueKind: JsonValueKind.Array } steps && steps.GetArrayLength() > 0)
                {
                    foreach (var s in steps.EnumerateArray())
                    {
                        o.WriteLine($"    back-test: from the first {s.Text("fittedOn")} versions, {s.Text("predictedVersion")} predicted {Num(s, "predicted")} " +
                                    $"[{Num(s, "lower")}, {Num(s, "upper")}], actual {Num(s, "actual")}, error {Num(s, "absoluteError")}");
                    }
                }
            }

            foreach (var a in forecast.GetProperty("alerts").EnumerateArray())
            {
                o.WriteLine($"Alert (log entry {a.Text("index")}, {a.Text("raisedAt")}): {a.Text("metric")} toward {a.Text("category")} '{a.Text("level")}' on {a.Text("basisVersion")}.");
            }

            return alert ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static string Num(JsonElement e, string property) =>
        e.GetProperty(property).GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
