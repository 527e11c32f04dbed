namespace Vigie.Core.Impact.Obligations;

/// <summary>When a system's cumulative training compute first went over a threshold: the log time of the run that took it over, and which run.</summary>
public sealed record ThresholdCrossing(DateTimeOffset At, string Version, string Run, long LogIndex, double CumulativeFlop);
