using System.Diagnostics;

namespace Vigie.Benchmarks;

/// <summary>
/// Figure 2: one task appends sequentially, so every append is its own durable transaction;
/// every latency is recorded (after a short warm-up) and summarised as p50/p95/p99/max.
/// </summary>
internal static class LatencyScenario
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var entries = options.Entries(5_000);
        var factory = EntryFactory.From(options);
        var loadBefore = MachineLoad.Read();
        await using var host = await LedgerHost.StartAsync(options);
        var ledger = host.Ledger;

        var warmup = options.Warmup(200);
        for (var n = 0; n < warmup; n++)
        {
            await ledger.AppendAsync(factory.Create(n));
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(options.MaxTime.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>(entries);
        var cpuBefore = MachineLoad.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < entries && Stopwatch.GetTimestamp() < deadline; n++)
        {
            var write = factory.Create(warmup + n);
            var t0 = Stopwatch.GetTimestamp();
            var result = await ledger.AppendAsync(write);
            latencies.Add(Stopwatch.GetTimestamp() - t0);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Append refused: {result.Conflict}");
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var s = LatencyStats.From(latencies);
        Report.Print($"latency: 1 writer, {factory.Kind} ({options.Visibility}), {host.Description}",
        [
            ("scenario", "latency"), ("store", options.Store), ("kind", factory.Kind), ("visibility", options.Visibility),
            ("entries", s.Count), ("seconds", Math.Round(seconds, 3)), ("entriesPerSecond", Math.Round(s.Count / seconds)),
            ("p50Ms", s.P50), ("p95Ms", s.P95), ("p99Ms", s.P99), ("maxMs", s.Max), ("meanMs", s.Mean),
            ("cpuUsPerEntry", Math.Round((MachineLoad.ProcessCpu() - cpuBefore).TotalMicroseconds / Math.Max(1, s.Count), 1)),
            ("cpuPressureAvg10", MachineLoad.CpuPressure()), ("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now()),
        ]);
        return 0;
    }
}
