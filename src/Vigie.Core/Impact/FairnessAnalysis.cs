using System.Globalization;

namespace Vigie.Core.Impact;

/// <summary>Computes a <see cref="FairnessReport"/> from per-group counts.</summary>
public static class FairnessAnalysis
{
    /// <summary>Groups with fewer samples than this get a warning: their rates swing with a handful of cases.</summary>
    public const int DefaultMinGroupSize = 30;

    /// <summary>
    /// The reference group for disparate impact is <paramref name="reference"/> when given (the
    /// privileged group, AIF360), else the group with the highest selection rate, which is what the
    /// four-fifths rule compares against (29 CFR 1607.4(D): "the rate for the group with the highest rate").
    /// </summary>
    public static FairnessReport Analyse(IReadOnlyList<string> groupColumns, IReadOnlyList<GroupCounts> groups, string? reference, int minGroupSize = DefaultMinGroupSize)
    {
        if (groups.Count == 0)
        {
            throw new ArgumentException("At least one group is needed.", nameof(groups));
        }

        var ordered = groups.OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
        var warnings = new List<string>();
        if (ordered.Count == 1)
        {
            warnings.Add($"Only one group ('{ordered[0].Group}'): no disparity can be measured; differences are 0 and ratios 1 by definition (as in Fairlearn).");
        }

        foreach (var small in ordered.Where(g => g.Samples < minGroupSize))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Group '{small.Group}' has {small.Samples} samples (fewer than {minGroupSize}): its rates are unreliable."));
        }

        foreach (var g in ordered.Where(g => g.TruePositiveRate is null))
        {
            warnings.Add($"Group '{g.Group}' has no positive labels: its true-positive rate is undefined and left out of equalized odds.");
        }

        foreach (var g in ordered.Where(g => g.FalsePositiveRate is null))
        {
            warnings.Add($"Group '{g.Group}' has no negative labels: its false-positive rate is undefined and left out of equalized odds.");
        }

        var selection = Spread(ordered.Select(g => g.SelectionRate));
        var tpr = Spread(ordered.Select(g => g.TruePositiveRate));
        var fpr = Spread(ordered.Select(g => g.FalsePositiveRate));
        if (selection.Ratio is null && selection.Difference is not null)
        {
            warnings.Add("No group is selected at all: the demographic parity ratio (min / max) is undefined.");
        }

        string chosenBy;
        GroupCounts referenceGroup;
        if (reference is not null)
        {
            referenceGroup = ordered.FirstOrDefault(g => g.Group == reference)
                ?? throw new ArgumentException($"The reference group '{reference}' is not among the groups: {string.Join(", ", ordered.Select(g => g.Group))}.", nameof(reference));
            chosenBy = "given";
        }
        else
        {
            referenceGroup = ordered.MaxBy(g => g.SelectionRate ?? -1)!;
            chosenBy = "highest selection rate (29 CFR 1607.4(D))";
        }

        var impacts = ordered.Where(g => g.Group != referenceGroup.Group)
            .Select(g => new DisparateImpact(g.Group, referenceGroup.SelectionRate is > 0 && g.SelectionRate is { } sr ? sr / referenceGroup.SelectionRate.Value : null))
            .ToList();
        if (referenceGroup.SelectionRate is not > 0 && impacts.Count > 0)
        {
            warnings.Add($"The reference group '{referenceGroup.Group}' has a selection rate of 0: disparate impact is undefined.");
        }

        return new FairnessReport(
            groupColumns,
            ordered,
            referenceGroup.Group,
            chosenBy,
            selection.Difference,
            selection.Ratio,
            Max(tpr.Difference, fpr.Difference),
            Min(tpr.Ratio, fpr.Ratio),
            impacts,
            warnings);
    }

    /// <summary>max − min and min / max over the defined values (a ratio with max 0 is undefined).</summary>
    private static (double? Difference, double? Ratio) Spread(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (defined.Count == 0)
        {
            return (null, null);
        }

        var (min, max) = (defined.Min(), defined.Max());
        return (max - min, max > 0 ? min / max : null);
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
