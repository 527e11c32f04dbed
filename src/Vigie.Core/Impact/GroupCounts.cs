namespace Vigie.Core.Impact;

/// <summary>
/// One group's (weighted) confusion counts: true and false positives and negatives, and how
/// many samples they come from. Rates whose denominator is zero are undefined (null), as in
/// Fairlearn, rather than 0 — a group with no positive labels has no true-positive rate.
/// </summary>
public sealed record GroupCounts(string Group, long Samples, double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    public double Weight => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Share of positive predictions (Fairlearn selection_rate).</summary>
    public double? SelectionRate => Weight > 0 ? (TruePositives + FalsePositives) / Weight : null;

    public double? TruePositiveRate => TruePositives + FalseNegatives > 0 ? TruePositives / (TruePositives + FalseNegatives) : null;

    public double? FalsePositiveRate => FalsePositives + TrueNegatives > 0 ? FalsePositives / (FalsePositives + TrueNegatives) : null;

    public GroupCounts Add(bool label, bool prediction, double weight) => (label, prediction) switch
    {
        (true, true) => this with { Samples = Samples + 1, TruePositives = TruePositives + weight },
        (false, true) => this with { Samples = Samples + 1, FalsePositives = FalsePositives + weight },
        (false, false) => this with { Samples = Samples + 1, TrueNegatives = TrueNegatives + weight },
        _ => this with { Samples = Samples + 1, FalseNegatives = FalseNegatives + weight },
    };
}
