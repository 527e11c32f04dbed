namespace Vigie.Core.Impact;

/// <summary>A training-compute estimate: the FLOP, how it was reached, and the thresholds it crosses.</summary>
public sealed record ComputeEstimate(double Flop, string Method, IReadOnlyList<ImpactInput> Inputs)
{
    public IReadOnlyList<ComputeThreshold> Crosses => ComputeThresholds.CrossedBy(Flop);
}
