namespace Vigie.Core.Risk;

/// <summary>
/// A likelihood × severity matrix for the risk register: the labels of each scale (1 = lowest)
/// and the rating of a product, by bands of "score up to". The default is the common 5×5 with
/// 1-4 low, 5-9 medium, 10-16 high and 20-25 critical.
/// </summary>
public sealed record RiskMatrix(IReadOnlyList<string> Likelihood, IReadOnlyList<string> Severity, IReadOnlyList<RiskBand> Bands)
{
    public static readonly RiskMatrix Default = new(
        ["rare", "unlikely", "possible", "likely", "almost certain"],
        ["negligible", "minor", "moderate", "major", "catastrophic"],
        [new(4, RiskScale.Low), new(9, RiskScale.Medium), new(16, RiskScale.High), new(25, RiskScale.Critical)]);

    public int MaxScore => Likelihood.Count * Severity.Count;

    /// <summary>The rating of a likelihood and a severity (each from 1), or null when either is out of the matrix.</summary>
    public RiskRating? Rate(int likelihood, int severity)
    {
        if (likelihood < 1 || likelihood > Likelihood.Count || severity < 1 || severity > Severity.Count)
        {
            return null;
        }

        var score = likelihood * severity;
        var band = Bands.First(b => score <= b.UpTo);
        return new RiskRating(likelihood, severity, score, band.Rating);
    }
}
