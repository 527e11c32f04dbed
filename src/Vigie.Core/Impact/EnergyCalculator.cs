using System.Globalization;

namespace Vigie.Core.Impact;

/// <summary>
/// Energy, carbon and water of a workload (METHODS.md): E_IT = power × accelerator-hours (or
/// metered); E = E_IT × PUE; location-based CO2e = E × grid intensity of the region and year;
/// market-based CO2e = E × the supplier's factor; on-site water = E_IT × WUE; off-site water =
/// E × the grid's water intensity (Li et al. 2023).
/// </summary>
public static class EnergyCalculator
{
    public static EnergyOutcome Estimate(EnergyRequest r, ReferenceData data)
    {
        if (Check(r) is { } invalid)
        {
            return EnergyOutcome.Fail(invalid);
        }

        var inputs = new List<ImpactInput>();
        var notes = new List<string>();
        var supplied = r.SuppliedBy;
        double itKwh;
        string energyMethod;
        if (r.MeasuredItKwh is { } measured)
        {
            inputs.Add(new("itEnergyKwh", measured, "kWh", ValueOrigin.Measured, supplied));
            itKwh = measured;
            energyMethod = "IT energy as metered";
        }
        else
        {
            var spec = r.Accelerator is null ? null : data.Accelerator(r.Accelerator);
            if (r.Accelerator is not null && spec is null && r.PowerWatts is null)
            {
                return EnergyOutcome.Fail($"'{r.Accelerator}' is not in the accelerator table; known: {string.Join(", ", data.Accelerators.Keys.Order(StringComparer.Ordinal))}. Give --power-watts instead.");
            }

            if (r.PowerWatts is { } watts)
            {
                inputs.Add(new("powerWatts", watts, "W", ValueOrigin.Supplied, supplied));
            }
            else if (spec is not null)
            {
                inputs.Add(new("powerWatts", spec.PowerWatts, "W", ValueOrigin.Default,
                    data.SourceOf(ReferenceData.AcceleratorFile).Cite($"{spec.Id} {spec.PowerBasis} {spec.PowerWatts} W — {spec.Source}")));
            }
            else
            {
                return EnergyOutcome.Fail("Say what drew the power: an accelerator (--accelerator H100-SXM) or its power (--power-watts 700), or give metered energy (--measured-kwh).");
            }

            double hours;
            if (r.AcceleratorHours is { } ah)
            {
                inputs.Add(new("acceleratorHours", ah, "h", ValueOrigin.Supplied, supplied));
                hours = ah;
            }
            else if (r.Count is { } count && r.Hours is { } h)
            {
                inputs.Add(new("count", count, "accelerators", ValueOrigin.Supplied, supplied));
                inputs.Add(new("hours", h, "h", ValueOrigin.Supplied, supplied));
                hours = count * h;
            }
            else
            {
                return EnergyOutcome.Fail("Say how long: accelerator-hours (--accelerator-hours), or a count and hours (--count 8 --hours 24).");
            }

            itKwh = inputs.Single(i => i.Name == "powerWatts").Value / 1000 * hours;
            energyMethod = "IT energy = accelerator power × accelerator-hours (vendor power is an upper bound on draw)";
        }

        var pue = r.Pue is { } p
            ? new ImpactInput("pue", p, "", ValueOrigin.Supplied, supplied)
            : new ImpactInput("pue", ReferenceData.DefaultPue, "", ValueOrigin.Default, ReferenceData.DefaultPueSource);
        inputs.Add(pue);
        var facilityKwh = itKwh * pue.Value;

        var location = LocationIntensity(r, data, notes);
        if (location is not null)
        {
            inputs.Add(location);
        }

        ImpactInput? market = r.MarketFactor is { } mf ? new("marketFactorGPerKwh", mf, "gCO2e/kWh", ValueOrigin.Supplied, supplied) : null;
        if (market is not null)
        {
            inputs.Add(market);
        }
        else
        {
            notes.Add("Market-based emissions need the electricity supplier's emission factor (--market-factor).");
        }

        var (wue, ewif) = Water(r, data, notes);
        if (wue is not null)
        {
            inputs.Add(wue);
        }

        if (ewif is not null)
        {
            inputs.Add(ewif);
        }

        var method = $"{energyMethod}; facility energy = IT energy × PUE; CO2e = facility energy × gCO2e/kWh; water on-site = IT energy × WUE, off-site = facility energy × grid water intensity (Li et al. 2023).";
        return new EnergyOutcome(new EnergyEstimate(
            itKwh,
            facilityKwh,
            location is null ? null : facilityKwh * location.Value / 1000,
            market is null ? null : facilityKwh * market.Value / 1000,
            wue is null ? null : itKwh * wue.Value,
            ewif is null ? null : facilityKwh * ewif.Value,
            inputs,
            method,
            notes), null);
    }

    private static ImpactInput? LocationIntensity(EnergyRequest r, ReferenceData data, List<string> notes)
    {
        if (r.GridIntensity is { } given)
        {
            return new("gridIntensityGPerKwh", given, "gCO2e/kWh", ValueOrigin.Supplied, r.SuppliedBy);
        }

        var region = r.Region ?? ReferenceData.World;
        var row = data.GridFor(region, r.Year);
        if (row is null)
        {
            notes.Add($"No grid intensity for region '{region}'{(r.Year is { } y ? $" in or before {y}" : "")} in data/{ReferenceData.GridFile}; give --intensity (gCO2e/kWh). Location-based CO2e not estimated.");
            return null;
        }

        var why = r.Region is null ? "no region given: world average" : row.Name;
        if (r.Year is { } year && row.Year != year)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"No {year} figure for {row.Region}; used {row.Year}, the latest on record."));
        }

        return new("gridIntensityGPerKwh", row.GramsPerKwh, "gCO2e/kWh", ValueOrigin.Default,
            data.SourceOf(ReferenceData.GridFile).Cite(string.Create(CultureInfo.InvariantCulture, $"{row.Region} {row.Year} ({why})")));
    }

    private static (ImpactInput? Wue, ImpactInput? Ewif) Water(EnergyRequest r, ReferenceData data, List<string> notes)
    {
        var table = r.Region is null ? null : data.WaterFor(r.Region, r.Year);
        var source = data.SourceOf(ReferenceData.WaterFile);
        ImpactInput? wue = r.Wue is { } w ? new("wueLPerKwh", w, "L/kWh", ValueOrigin.Supplied, r.SuppliedBy)
            : table?.WueLitresPerKwh is { } tw ? new("wueLPerKwh", tw, "L/kWh", ValueOrigin.Default, source.Cite($"{table.Region}: {table.Source}")) : null;
        ImpactInput? ewif = r.WaterIntensity is { } e ? new("waterIntensityLPerKwh", e, "L/kWh", ValueOrigin.Supplied, r.SuppliedBy)
            : table?.EwifLitresPerKwh is { } te ? new("waterIntensityLPerKwh", te, "L/kWh", ValueOrigin.Default, source.Cite($"{table.Region}: {table.Source}")) : null;
        if (wue is null)
        {
            notes.Add("On-site water needs the data centre's WUE (--wue, L/kWh); Vigie ships no default.");
        }

        if (ewif is null)
        {
            notes.Add("Off-site water needs the grid's water intensity (--water-intensity, L/kWh); Vigie ships no default.");
        }

        return (wue, ewif);
    }

    private static string? Check(EnergyRequest r) =>
        NonNegative("--power-watts", r.PowerWatts) ?? NonNegative("--count", r.Count) ?? NonNegative("--hours", r.Hours)
        ?? NonNegative("--accelerator-hours", r.AcceleratorHours) ?? NonNegative("--measured-kwh", r.MeasuredItKwh)
        ?? (r.Pue is { } pue && (!double.IsFinite(pue) || pue < 1 || pue > 5) ? "--pue must be between 1 and 5 (facility energy over IT energy)." : null)
        ?? NonNegative("--intensity", r.GridIntensity) ?? NonNegative("--market-factor", r.MarketFactor)
        ?? NonNegative("--wue", r.Wue) ?? NonNegative("--water-intensity", r.WaterIntensity)
        ?? (r.Year is < 1990 or > 2100 ? "--year must be a calendar year such as 2024." : null)
        ?? (r.Region is { } region && !IsRegionCode(region) ? $"--region must be an ISO 3166-1 alpha-2 country code (FR, US ...) or WORLD; got '{region}'." : null);

    private static bool IsRegionCode(string region) =>
        region.Equals(ReferenceData.World, StringComparison.OrdinalIgnoreCase) || (region.Length == 2 && region.All(char.IsAsciiLetter));

    private static string? NonNegative(string name, double? value) =>
        value is null || (double.IsFinite(value.Value) && value >= 0) ? null : $"{name} must be a finite number ≥ 0.";
}
