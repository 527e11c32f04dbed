namespace Vigie.Core.Risk;

/// <summary>
/// What an early warning looks ahead to: the next planned scale-up (<see cref="ScaleUp"/> times
/// the latest version's compute) or <see cref="HorizonMonths"/> months (METHODS.md, "Capability forecasting").
/// </summary>
public sealed record ForecastSettings(double ScaleUp, int HorizonMonths, double Confidence)
{
    public static readonly ForecastSettings Default = new(2, 3, 0.90);
}
