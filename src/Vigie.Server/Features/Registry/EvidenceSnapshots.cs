using System.Security.Cryptography;
using Vigie.Core.Json;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Registry;

/// <summary>
/// Takes evidence snapshots of a version from every <see cref="ISnapshotSource"/>, and tells
/// listeners (open decisions) when a feature has changed a version's evidence.
/// </summary>
public sealed class EvidenceSnapshots(IEnumerable<ISnapshotSource> sources)
{
    private readonly ISnapshotSource[] _sources = sources.ToArray();

    /// <summary>Raised after a write that changed a version's evidence, with (system, version).</summary>
    public event Action<string, string>? Changed;

    public async Task<EvidenceSnapshot> TakeAsync(string system, string version, CancellationToken cancellationToken)
    {
        var items = new List<SnapshotItem>();
        foreach (var source in _sources)
        {
            items.AddRange(await source.ItemsAsync(system, version, cancellationToken));
        }

        items.Sort((a, b) =>
        {
            var byKind = string.CompareOrdinal(a.Kind, b.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.Id, b.Id);
        });
        return new EvidenceSnapshot(Digest(items), items);
    }

    /// <summary>The snapshot digest of a list of items already in snapshot order.</summary>
    public static string Digest(IReadOnlyList<SnapshotItem> items) =>
        Convert.ToHexStringLower(SHA256.HashData(Jcs.Canonicalize(BodyJson.ToElement(items))));

    /// <summary>Features call this after a successful write that changed a version's evidence.</summary>
    public void NotifyChanged(string system, string version) => Changed?.Invoke(system, version);
}
