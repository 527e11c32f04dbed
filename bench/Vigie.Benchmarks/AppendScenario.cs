using System.Diagnostics;

namespace Vigie.Benchmarks;

/// <summary>
/// Figure 1: many concurrent tasks append through Ledger.AppendAsync until a fixed count (or the
/// time bound) is reached; group commit gathers them into batches. Reports entries/s, the mean
/// batch size (entries per committed transaction) and the latency each caller saw.
/// </summary>
internal static class AppendScenario
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var entries = options.Entries(200_000);
        var writers = options.Writers;
        var factory = EntryFactory.From(options);
        var loadBefore = MachineLoad.Read();
        await using var host = await LedgerHost.StartAsync(options);
        var ledger = host.Ledger;

        var warmup = options.Warmup(Math.Min(5_000, entries / 10));
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            for (var n = w; n < warmup; n += writers)
            {
                await ledger.AppendAsync(factory.Create(n));
            }
        }));

        var batches = 0L;
        ledger.Committed += () => Interlocked.Increment(ref batches);
        var issued = 0L;
        var deadline = Stopwatch.GetTimestamp() + (long)(options.MaxTime.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>[writers];
        var cpuBefore = MachineLoad.ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<long>(entries / writers + 1);
            long n;
            while ((n = Interlocked.Increment(ref issued)) <= entries && Stopwatch.GetTimestamp() < deadline)
            {
                var write = factory.Create(warmup + n);
                var t0 = Stopwatch.GetTimestamp();
                var result = await ledger.AppendAsync(write);
                mine.Add(Stopwatch.GetTimestamp() - t0);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Append refused: {result.Conflict}");
                }
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var done = latencies.Sum(l => l.Count);
        var latency = LatencyStats.From(latencies.SelectMany(l => l));

        Report.Print($"append: {writers} writers, {factory.Kind} ({options.Visibility}), {host.Description}",
        [
            ("scenario", "append"), ("store", options.Store), ("kind", factory.Kind), ("visibility", options.Visibility),
            ("writers", writers), ("checkpoints", options.Checkpoints), ("entries", done), ("timedOut", done < entries), ("seconds", Math.Round(seconds, 3)),
            ("entriesPerSecond", Math.Round(done / seconds)), ("batches", batches),
            ("meanBatch", Math.Round(done / (double)Math.Max(1, batches), 1)),
            ("latencyP50Ms", latency.P50), ("latencyP99Ms", latency.P99), ("latencyMaxMs", latency.Max),
            ("treeSize", ledger.Tree.Size), ("cpuUsPerEntry", Math.Round((MachineLoad.ProcessCpu() - cpuBefore).TotalMicroseconds / Math.Max(1, done), 1)),
            ("cpuPressureAvg10", MachineLoad.CpuPressure()), ("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now()),
        ]);
        return 0;
    }
}
