using System.Globalization;
using Spectre.Console;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>How the impact commands print figures and their inputs for people.</summary>
internal static class ImpactText
{
    public static string Number(double? value, string unit) =>
        value is not { } v ? "not estimated"
        : Math.Abs(v) >= 1e7 ? v.ToString("0.###E+0", CultureInfo.InvariantCulture) + " " + unit
        : v.ToString(Math.Abs(v) >= 100 ? "N1" : "0.####", CultureInfo.InvariantCulture) + " " + unit;

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";

    public static void Energy(IAnsiConsole console, EnergyEstimate e)
    {
        console.MarkupLine("[bold]Energy, carbon and water[/]");
        var pue = e.Input("pue")!.Value.ToString("0.###", CultureInfo.InvariantCulture);
        var figures = new Table().AddColumns("Figure", "Value");
        figures.AddRow("IT energy", Number(e.ItEnergyKwh, "kWh"));
        figures.AddRow("Facility energy", $"{Number(e.FacilityEnergyKwh, "kWh")} (× PUE {pue})");
        figures.AddRow("CO2e, location-based", Number(e.LocationCo2eKg, "kg"));
        figures.AddRow("CO2e, market-based", Number(e.MarketCo2eKg, "kg"));
        figures.AddRow("Water, on-site", Number(e.OnsiteWaterLitres, "L"));
        figures.AddRow("Water, off-site", Number(e.OffsiteWaterLitres, "L"));
        console.Write(figures);
        Inputs(console, e.Inputs);
        Notes(console, e.Method, e.Notes);
    }

    public static void Inputs(IAnsiConsole console, IEnumerable<ImpactInput> inputs)
    {
        var table = new Table().AddColumns("Input", "Value", "Origin", "Source");
        foreach (var i in inputs)
        {
            table.AddRow(Markup.Escape(i.Name), Markup.Escape(Number(i.Value, i.Unit).Trim()), i.OriginName, Markup.Escape(i.Source));
        }

        console.Write(table);
    }

    public static void Notes(IAnsiConsole console, string method, IEnumerable<string> notes)
    {
        console.WriteLine("Method: " + method);
        foreach (var note in notes)
        {
            console.WriteLine("Note: " + note);
        }
    }

    /// <summary>The tables to use: shipped, or overridden by --data DIR; a bad directory or file is a usage error.</summary>
    public static ReferenceData Data(string? directory) =>
        ReferenceData.Load(directory, out var error) ?? throw new CliFailure(ExitCodes.Usage, "--data: " + error);
}
