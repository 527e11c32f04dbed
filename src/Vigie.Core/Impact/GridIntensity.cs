namespace Vigie.Core.Impact;

/// <summary>One row of data/grid-carbon-intensity.csv: a region's yearly average carbon intensity of electricity generation.</summary>
public sealed record GridIntensity(string Region, int Year, double GramsPerKwh, string Name);
