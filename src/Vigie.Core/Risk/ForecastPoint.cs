namespace Vigie.Core.Risk;

/// <summary>One version's score on a tracked metric, with its effective training compute (FLOP, when known) and date.</summary>
public sealed record ForecastPoint(string Version, double? ComputeFlop, DateTimeOffset Date, double Score);
