using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact record-inference SYSTEM VERSION --name NAME ...: estimate a version's service and record it (parameters default to the card's).</summary>
internal static class ImpactRecordInferenceCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version served." };
        var name = new Option<string>("--name") { Description = "What is served, e.g. chat-api (a later estimate with the same name supersedes it).", Required = true };
        var o = new InferenceOptions();
        var command = new Command("record-inference", "Estimate a version's inference per million tokens and per day of service and record it (--params defaults to the model card's parameter count).")
        {
            system, version, name,
        };
        o.AddTo(command, withData: false);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var r = o.Request(parse);
            var e = r.Energy;
            var recorded = await context.Api.PostJsonAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/impact/inference", new
            {
                name = parse.GetValue(name), parameters = r.Parameters, tokensPerDay = r.TokensPerDay, tokensPerSecond = r.TokensPerSecond, utilisation = r.Utilisation,
                count = r.Count, hoursPerDay = r.HoursPerDay, measuredKwhPerDay = r.MeasuredKwhPerDay, accelerator = e.Accelerator, powerWatts = e.PowerWatts, pue = e.Pue,
                region = e.Region, year = e.Year, intensity = e.GridIntensity, marketFactor = e.MarketFactor, wue = e.Wue, waterIntensity = e.WaterIntensity,
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            var estimate = recorded.GetProperty("estimate");
            context.Console.WriteLine($"Recorded '{recorded.Text("name")}' as log entry {recorded.Text("index")}: per million tokens {Figures(estimate, "perMillionTokens")}; per day {Figures(estimate, "perDay")}.");
            foreach (var i in estimate.GetProperty("inputs").EnumerateArray())
            {
                context.Console.WriteLine($"  {i.Text("name")} = {i.Text("value")} {i.Text("unit")} ({i.Text("origin")}: {i.Text("source")})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Figures(System.Text.Json.JsonElement estimate, string scale) =>
        estimate.GetProperty(scale) is { ValueKind: System.Text.Json.JsonValueKind.Object } e
            ? $"{ImpactText.Number(e.GetProperty("facilityEnergyKwh").GetDouble(), "kWh")}, {(e.GetProperty("locationCo2eKg").ValueKind == System.Text.Json.JsonValueKind.Number ? ImpactText.Number(e.GetProperty("locationCo2eKg").GetDouble(), "kg CO2e") : "CO2e not estimated")}"
            : "not estimated";
}
