namespace Vigie.Core.Impact;

/// <summary>One row of data/accelerator-power.csv: an accelerator's vendor power figure and peak dense BF16 throughput, with the datasheet they come from.</summary>
public sealed record AcceleratorSpec(string Id, string Name, string Vendor, double PowerWatts, string PowerBasis, double Bf16DenseTflops, string Source);
