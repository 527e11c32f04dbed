namespace Vigie.Core.Impact;

/// <summary>One row of data/water-intensity.csv: on-site water usage effectiveness and off-site grid water intensity (Li et al. 2023) for a region.</summary>
public sealed record WaterFactors(string Region, int? Year, double? WueLitresPerKwh, double? EwifLitresPerKwh, string Source);
