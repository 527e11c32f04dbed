namespace Vigie.Core.Impact;

/// <summary>
/// What an inference estimate is asked for: the model's parameter count (for FLOP, and to derive
/// throughput from utilisation), how much it serves (<see cref="TokensPerDay"/>), and how the
/// serving hardware's time is known — a fleet always on (<see cref="Count"/> accelerators,
/// <see cref="HoursPerDay"/>), a measured throughput per accelerator (<see cref="TokensPerSecond"/>),
/// a utilisation of the accelerator's peak (<see cref="Utilisation"/>), or metered energy per day
/// (<see cref="MeasuredKwhPerDay"/>). Power, PUE, region and water come from <see cref="Energy"/>
/// as for a training run.
/// </summary>
public sealed record InferenceRequest
{
    public double? Parameters { get; init; }

    public double? TokensPerDay { get; init; }

    public double? TokensPerSecond { get; init; }

    public double? Utilisation { get; init; }

    public double? Count { get; init; }

    public double? HoursPerDay { get; init; }

    public double? MeasuredKwhPerDay { get; init; }

    /// <summary>Accelerator, power, PUE, region, year, intensities and water factors; its hours and measured energy are ignored.</summary>
    public EnergyRequest Energy { get; init; } = new();
}
