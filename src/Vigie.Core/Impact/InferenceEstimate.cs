namespace Vigie.Core.Impact;

/// <summary>
/// An inference estimate: compute per token (2·N FLOP, METHODS.md), and per million tokens and per
/// day of service the accelerator-hours and the energy, CO2e and water (each an
/// <see cref="EnergyEstimate"/> with its own inputs and sources), with the inputs that set the
/// scale, the method in words and notes on what could not be estimated.
/// </summary>
public sealed record InferenceEstimate(
    double? FlopPerToken,
    double? FlopPerMillionTokens,
    double? FlopPerDay,
    double? AcceleratorHoursPerMillionTokens,
    double? AcceleratorHoursPerDay,
    EnergyEstimate? PerMillionTokens,
    EnergyEstimate? PerDay,
    IReadOnlyList<ImpactInput> Inputs,
    string Method,
    IReadOnlyList<string> Notes);
