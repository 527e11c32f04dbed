namespace Vigie.Core.Impact;

/// <summary>
/// What an energy, carbon and water estimate is asked for. Either <see cref="MeasuredItKwh"/>
/// (metered IT energy), or accelerator power (<see cref="PowerWatts"/>, else the table's figure
/// for <see cref="Accelerator"/>) times accelerator-hours (<see cref="AcceleratorHours"/>, else
/// <see cref="Count"/> × <see cref="Hours"/>). Everything else is optional and falls back to a
/// documented default, which the result says.
/// </summary>
public sealed record EnergyRequest
{
    public string? Accelerator { get; init; }

    public double? PowerWatts { get; init; }

    public double? Count { get; init; }

    public double? Hours { get; init; }

    public double? AcceleratorHours { get; init; }

    public double? MeasuredItKwh { get; init; }

    public double? Pue { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, or WORLD.</summary>
    public string? Region { get; init; }

    /// <summary>The year whose grid intensity applies (default: the latest on record for the region).</summary>
    public int? Year { get; init; }

    /// <summary>A location-based intensity to use instead of the table, gCO2e/kWh.</summary>
    public double? GridIntensity { get; init; }

    /// <summary>The electricity supplier's emission factor for market-based emissions, gCO2e/kWh (0 with matched renewable purchases).</summary>
    public double? MarketFactor { get; init; }

    /// <summary>On-site water usage effectiveness, litres per kWh of IT energy.</summary>
    public double? Wue { get; init; }

    /// <summary>Off-site water intensity of the grid's electricity, litres per kWh of facility energy.</summary>
    public double? WaterIntensity { get; init; }

    /// <summary>Where supplied values came from, shown as their source (e.g. "training run pretrain-1").</summary>
    public string SuppliedBy { get; init; } = "supplied by the user";
}
