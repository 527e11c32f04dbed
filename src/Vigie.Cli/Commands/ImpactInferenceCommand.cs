using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact inference: compute, energy, CO2e and water of serving a model, per million tokens and per day (offline).</summary>
internal static class ImpactInferenceCommand
{
    public static Command Create(CliApp app)
    {
        var o = new InferenceOptions();
        var command = new Command("inference",
            "Estimate inference per million tokens and per day of service (offline). Example: vigie impact inference --params 7e10 --count 16 --accelerator H100-SXM --tokens-per-day 2e9 --region FR");
        o.AddTo(command, withData: true);
        app.SetAction(command, (context, parse, _) =>
        {
            var outcome = InferenceCalculator.Estimate(o.Request(parse), ImpactText.Data(parse.GetValue(o.Energy.Data)));
            if (outcome.Error is { } error)
            {
                throw new CliFailure(ExitCodes.Usage, error);
            }

            if (context.Json)
            {
                context.WriteJson(ImpactJson.Inference(outcome.Estimate!));
            }
            else
            {
                Print(context.Console, outcome.Estimate!);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static void Print(IAnsiConsole console, InferenceEstimate e)
    {
        console.MarkupLine("[bold]Inference[/]");
        var figures = new Table().AddColumns("Figure", "Per million tokens", "Per day");
        figures.AddRow("Compute", Flop(e.FlopPerMillionTokens), Flop(e.FlopPerDay));
        figures.AddRow("Accelerator-hours", ImpactText.Number(e.AcceleratorHoursPerMillionTokens, "h"), ImpactText.Number(e.AcceleratorHoursPerDay, "h"));
        figures.AddRow("Facility energy", ImpactText.Number(e.PerMillionTokens?.FacilityEnergyKwh, "kWh"), ImpactText.Number(e.PerDay?.FacilityEnergyKwh, "kWh"));
        figures.AddRow("CO2e, location-based", ImpactText.Number(e.PerMillionTokens?.LocationCo2eKg, "kg"), ImpactText.Number(e.PerDay?.LocationCo2eKg, "kg"));
        figures.AddRow("CO2e, market-based", ImpactText.Number(e.PerMillionTokens?.MarketCo2eKg, "kg"), ImpactText.Number(e.PerDay?.MarketCo2eKg, "kg"));
        figures.AddRow("Water", ImpactText.Number(e.PerMillionTokens?.WaterLitres, "L"), ImpactText.Number(e.PerDay?.WaterLitres, "L"));
        console.Write(figures);
        var energy = e.PerMillionTokens ?? e.PerDay;
        ImpactText.Inputs(console, energy is null ? e.Inputs : e.Inputs.Concat(energy.Inputs));
        ImpactText.Notes(console, e.Method, energy is null ? e.Notes : e.Notes.Concat(energy.Notes));
    }

    private static string Flop(double? flop) => flop is { } f ? f.ToString("0.###E+0", CultureInfo.InvariantCulture) + " FLOP" : "not estimated";
}
