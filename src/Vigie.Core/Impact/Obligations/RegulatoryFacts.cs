using Vigie.Core.Impact.Rights;

namespace Vigie.Core.Impact.Obligations;

/// <summary>
/// What the obligations of one system are derived from, all read from the ledger: when its
/// compute crossed 10^25 and 10^26 FLOP, the organisation's recorded revenue per calendar year,
/// its first external deployment, its EU AI Act classification, and the obligations recorded as met.
/// </summary>
public sealed record RegulatoryFacts(
    string System,
    ThresholdCrossing? EuThreshold,
    ThresholdCrossing? FrontierThreshold,
    IReadOnlyDictionary<int, double> RevenueUsdByYear,
    DateTimeOffset? FirstExternalDeployment,
    AiActClassification? Classification,
    IReadOnlyList<ObligationMet> Met);
