using System.Diagnostics;

namespace Vigie.Benchmarks;

/// <summary>Percentiles (nearest rank) of recorded append latencies, in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencyStats From(IEnumerable<long> stopwatchTicks)
    {
        var ms = stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(ms);
        if (ms.Length == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }

        return new LatencyStats(ms.Length, Rank(ms, 0.50), Rank(ms, 0.95), Rank(ms, 0.99), ms[^1], ms.Average());
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
