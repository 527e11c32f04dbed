namespace Vigie.Core.Impact;

/// <summary>
/// What a version's recorded impact estimates put on its model card: facility energy of training
/// (kWh), location-based emissions (grams CO2e, null when not estimated), how they were estimated,
/// where the emissions figure comes from, and the training compute with lineage (FLOP, if recorded).
/// </summary>
public sealed record ImpactCardFigures(double EnergyKwh, double? Co2eGrams, string EnergyMethod, string EmissionsSource, double? ComputeFlop);
