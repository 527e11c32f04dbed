using System.CommandLine;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>The options of an energy estimate, shared by the offline calculator and by recording a run's energy on a server.</summary>
internal sealed class EnergyOptions
{
    public Option<string?> Accelerator { get; } = new("--accelerator") { Description = "Accelerator type from the power table: A100-SXM, A100-PCIE, A100-PCIE-80GB, H100-SXM, H100-PCIE, H200, H200-NVL, MI300X." };

    public Option<double?> PowerWatts { get; } = new("--power-watts") { Description = "Power per accelerator in watts, instead of the table's figure." };

    public Option<double?> Count { get; } = new("--count") { Description = "Number of accelerators." };

    public Option<double?> Hours { get; } = new("--hours") { Description = "Wall-clock hours (with --count)." };

    public Option<double?> AcceleratorHours { get; } = new("--accelerator-hours") { Description = "Accelerator-hours, instead of --count and --hours (numbers accept 1.5e6)." };

    public Option<double?> MeasuredKwh { get; } = new("--measured-kwh") { Description = "Metered IT energy in kWh (replaces power × hours)." };

    public Option<double?> Pue { get; } = new("--pue") { Description = "Power usage effectiveness of the data centre (default 1.58, Uptime Institute 2023)." };

    public Option<string?> Region { get; } = new("--region") { Description = "Where it ran: ISO 3166-1 alpha-2 country code (FR, US ...) or WORLD (default)." };

    public Option<int?> Year { get; } = new("--year") { Description = "Year of the grid intensity (default: the latest on record)." };

    public Option<double?> Intensity { get; } = new("--intensity") { Description = "Location-based grid intensity in gCO2e/kWh, instead of the table." };

    public Option<double?> MarketFactor { get; } = new("--market-factor") { Description = "Your supplier's emission factor in gCO2e/kWh (market-based CO2e; 0 with matched renewables)." };

    public Option<double?> Wue { get; } = new("--wue") { Description = "Data-centre water usage effectiveness, L/kWh of IT energy (on-site water)." };

    public Option<double?> WaterIntensity { get; } = new("--water-intensity") { Description = "Grid water intensity, L/kWh (off-site water, Li et al. 2023)." };

    public Option<string?> Data { get; } = new("--data") { Description = "A directory with your own copies of the reference tables (same file names) to use instead of the shipped ones." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Accelerator, PowerWatts, Count, Hours, AcceleratorHours, MeasuredKwh, Pue, Region, Year, Intensity, MarketFactor, Wue, WaterIntensity, Data })
        {
            command.Options.Add(option);
        }
    }

    public EnergyRequest Request(ParseResult parse) => new()
    {
        Accelerator = parse.GetValue(Accelerator),
        PowerWatts = parse.GetValue(PowerWatts),
        Count = parse.GetValue(Count),
        Hours = parse.GetValue(Hours),
        AcceleratorHours = parse.GetValue(AcceleratorHours),
        MeasuredItKwh = parse.GetValue(MeasuredKwh),
        Pue = parse.GetValue(Pue),
        Region = parse.GetValue(Region),
        Year = parse.GetValue(Year),
        GridIntensity = parse.GetValue(Intensity),
        MarketFactor = parse.GetValue(MarketFactor),
        Wue = parse.GetValue(Wue),
        WaterIntensity = parse.GetValue(WaterIntensity),
    };
}
