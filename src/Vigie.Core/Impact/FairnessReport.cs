namespace Vigie.Core.Impact;

/// <summary>
/// Disaggregated results and the disparity metrics over them (Fairlearn and AIF360 definitions,
/// METHODS.md): demographic parity difference (max − min selection rate) and ratio (min / max),
/// equalized odds difference (the larger of the TPR and FPR differences) and ratio (the smaller
/// of the TPR and FPR ratios), disparate impact of each group against <see cref="Reference"/> and
/// the four-fifths test. A metric that cannot be computed (no group has a defined rate, or a
/// ratio's denominator is 0) is null, with a warning saying why.
/// </summary>
public sealed record FairnessReport(
    IReadOnlyList<string> GroupColumns,
    IReadOnlyList<GroupCounts> Groups,
    string Reference,
    string ReferenceChosenBy,
    double? DemographicParityDifference,
    double? DemographicParityRatio,
    double? EqualizedOddsDifference,
    double? EqualizedOddsRatio,
    IReadOnlyList<DisparateImpact> DisparateImpacts,
    IReadOnlyList<string> Warnings)
{
    public bool Intersectional => GroupColumns.Count > 1;

    /// <summary>False when any group's disparate impact is below four-fifths; null when none could be computed.</summary>
    public bool? PassesFourFifths =>
        DisparateImpacts.Any(d => d.PassesFourFifths == false) ? false
        : DisparateImpacts.Any(d => d.PassesFourFifths == true) ? true
        : null;

    /// <summary>The smallest disparate-impact ratio, or null.</summary>
    public double? MinDisparateImpact => DisparateImpacts.Select(d => d.Ratio).Min();
}
