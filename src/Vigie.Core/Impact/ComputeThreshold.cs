namespace Vigie.Core.Impact;

/// <summary>A training-compute threshold in law, crossed when compute is strictly greater than <see cref="Flop"/>.</summary>
public sealed record ComputeThreshold(string Id, double Flop, string Name, string LegalBasis)
{
    public bool IsCrossedBy(double flop) => flop > Flop;
}
