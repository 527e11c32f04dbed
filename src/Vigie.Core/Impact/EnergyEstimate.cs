namespace Vigie.Core.Impact;

/// <summary>
/// The result of an energy estimate (METHODS.md "Energy, carbon, water"): IT energy, facility
/// energy (× PUE), location- and market-based CO2e, on- and off-site water, each input with its
/// origin and source, the method in words, and notes on anything that could not be estimated.
/// </summary>
public sealed record EnergyEstimate(
    double ItEnergyKwh,
    double FacilityEnergyKwh,
    double? LocationCo2eKg,
    double? MarketCo2eKg,
    double? OnsiteWaterLitres,
    double? OffsiteWaterLitres,
    IReadOnlyList<ImpactInput> Inputs,
    string Method,
    IReadOnlyList<string> Notes)
{
    public double? WaterLitres => OnsiteWaterLitres is null && OffsiteWaterLitres is null ? null : (OnsiteWaterLitres ?? 0) + (OffsiteWaterLitres ?? 0);

    public ImpactInput? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}
