namespace Vigie.Core.Impact;

/// <summary>
/// How to read a disaggregated-results CSV: the group column(s) (several make intersectional
/// groups), the label and prediction columns (per-sample files), an optional weight column.
/// A file with columns <c>tp, fp, tn, fn</c> is read as per-group confusion counts instead.
/// </summary>
public sealed record FairnessCsvOptions(IReadOnlyList<string> GroupColumns, string LabelColumn = "label", string PredictionColumn = "prediction", string? WeightColumn = null)
{
    /// <summary>How intersectional group values are joined into one group name.</summary>
    public const string Joiner = " & ";

    public const int MaxGroups = 1000;
}
