using System.Collections.Concurrent;
using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// Reuses an evaluated dossier for the same system version and action while nothing it could
/// read has changed (ADR 0009): only gate evaluations were logged since it was assembled
/// (<see cref="GateIndexTracker"/>), and it is at most <see cref="MaxAge"/> old, since parts of a
/// dossier depend on time (deadlines, waiver expiry). The dossier keeps the time it was assembled
/// at, so a reused result is exactly the result for that dossier. This is what lets one server
/// answer thousands of CI checks a second on two cores; with <see cref="MaxAge"/> zero every
/// check assembles its own dossier.
/// </summary>
public sealed class GateCache(TimeSpan maxAge)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string, string, string), Entry> _entries = new();
    private readonly ConcurrentDictionary<(string, string, string), SemaphoreSlim> _fills = new();

    /// <summary>
    /// An evaluated dossier: the tree size its reads reflect, when it was assembled, the result, and
    /// what every check reusing it writes — the log entry's body and the stable JSON answer.
    /// </summary>
    public sealed record Entry(long Mark, DateTimeOffset AssembledAt, ReleaseDossier Dossier, GateResult Result, System.Text.Json.JsonElement Body, byte[] Stable);

    public TimeSpan MaxAge => maxAge;

    public bool Enabled => maxAge > TimeSpan.Zero;

    public Entry? TryGet((string, string, string) key, long treeSize, DateTimeOffset now, GateIndexTracker tracker) =>
        Enabled && _entries.TryGetValue(key, out var entry) && now - entry.AssembledAt < maxAge && now >= entry.AssembledAt &&
        tracker.OnlyGateEntries(entry.Mark, treeSize)
            ? entry
            : null;

    public void Put((string, string, string) key, Entry entry)
    {
        if (!Enabled)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = entry;
    }

    /// <summary>One assembly at a time per key, so a burst of checks after a change assembles the dossier once.</summary>
    public SemaphoreSlim FillLock((string, string, string) key) => _fills.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
}
