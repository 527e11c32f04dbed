namespace Vigie.Core.Impact;

/// <summary>
/// Disparate impact of one group against the reference group (AIF360): SR(group) / SR(reference),
/// and whether it passes the four-fifths rule (29 CFR 1607.4(D): a ratio below 0.8 is evidence of
/// adverse impact). Null when the reference group selects no one.
/// </summary>
public sealed record DisparateImpact(string Group, double? Ratio)
{
    public const double FourFifths = 0.8;

    public bool? PassesFourFifths => Ratio is { } r ? r >= FourFifths : null;
}
