using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Witnesses;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// Builds the <see cref="PortalSnapshot"/> and keeps it until the published checkpoint changes,
/// so every public page is served from memory between checkpoints (one rebuild at a time).
/// </summary>
public sealed class PortalData(
    PublishedCheckpoint published, RegistryQueries registry, CardQueries cards, DecisionQueries decisions, PortalQueries portal,
    IEnumerable<IGovernanceDocumentSource> documentSources, IEnumerable<IGovernanceStatisticsSource> statisticsSources)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Size, int Cosignatures, string Value)> memo = new();
    private PortalSnapshot? cached;

    /// <summary>A text derived from one published checkpoint (the feed), kept until the checkpoint changes.</summary>
    public async Task<string> MemoAsync(string key, PortalSnapshot snapshot, Func<Task<string>> build)
    {
        var size = snapshot.Checkpoint.Size;
        var cosignatures = snapshot.Checkpoint.Cosignatures.Count;
        if (memo.TryGetValue(key, out var hit) && hit.Size == size && hit.Cosignatures == cosignatures)
        {
            return hit.Value;
        }

        var value = await build();
        if (memo.Count >= 16)
        {
            memo.Clear(); // keys carry the request's host name: never let them grow without bound
        }

        memo[key] = (size, cosignatures, value);
        return value;
    }

    /// <summary>The tree size of the snapshot held now, or null before the first public request.</summary>
    public long? HeldSize => cached?.Checkpoint.Size;

    /// <summary>
    /// Rebuilds the snapshot when a newer checkpoint is published, once the portal has been read
    /// at least once: the rebuild then happens here rather than on the next visitor's request
    /// (<see cref="PortalWarmer"/>). True when it rebuilt.
    /// </summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        var checkpoint = published.Current;
        if (cached is not { } hit || IsAt(hit, checkpoint))
        {
            return false;
        }

        await CurrentAsync(cancellationToken);
        return true;
    }

    public async Task<PortalSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var checkpoint = published.Current;
        if (cached is { } hit && IsAt(hit, checkpoint))
        {
            return hit;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && IsAt(again, checkpoint))
            {
                return again;
            }

            cached = await BuildAsync(checkpoint, cancellationToken);
            return cached;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether a snapshot was built at this published checkpoint (same size and cosignatures).</summary>
    private static bool IsAt(PortalSnapshot snapshot, WitnessedCheckpoint checkpoint) =>
        snapshot.Checkpoint.Size == checkpoint.Size && snapshot.Checkpoint.Cosignatures.Count == checkpoint.Cosignatures.Count;

    /// <summary>Documents of every source, grouped by kind then name, versions oldest first.</summary>
    public async Task<IReadOnlyList<GovernanceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var all = new List<GovernanceDocument>();
        foreach (var source in documentSources)
        {
            all.AddRange(await source.DocumentsAsync(cancellationToken));
        }

        return all.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.LogIndex).ToList();
    }

    public async Task<IReadOnlyList<StatisticsGroup>> StatisticsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var groups = new List<StatisticsGroup>();
        foreach (var source in statisticsSources)
        {
            groups.Add(await source.StatisticsAsync(period, cancellationToken));
        }

        return groups;
    }

    private async Task<PortalSnapshot> BuildAsync(WitnessedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var systems = new List<PortalSnapshot.SystemView>();
        foreach (var system in await registry.ListSystemsAsync(includeInternal: false, cancellationToken))
        {
            var versions = new List<PortalSnapshot.VersionView>();
            foreach (var version in await registry.ListVersionsAsync(system.Name, includeInternal: false, cancellationToken))
            {
                var card = await cards.LatestAsync(system.Name, version.Version, includeInternal: false, cancellationToken);
                versions.Add(new PortalSnapshot.VersionView(version, card?.Revision, card?.LogIndex, card?.CardSha256));
            }

            systems.Add(new PortalSnapshot.SystemView(system, versions));
        }

        var decisionList = await decisions.ListAsync(includeInternal: false, openOnly: false, system: null, limit: 500, cancellationToken);
        return new PortalSnapshot(
            checkpoint, systems, decisionList, await DocumentsAsync(cancellationToken),
            await StatisticsAsync(StatisticsPeriod.All, cancellationToken), await portal.WithheldCountAsync(cancellationToken));
    }
}
