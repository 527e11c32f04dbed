using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Evidence;

/// <summary>Files recorded as evidence about a version (subject "system@version") belong to its decision snapshots.</summary>
public sealed class EvidenceSnapshotSource(EvidenceQueries evidence) : ISnapshotSource
{
    public async Task<IReadOnlyList<SnapshotItem>> ItemsAsync(string system, string version, CancellationToken cancellationToken)
    {
        var rows = await evidence.FindAsync(null, RegistryNames.Subject(system, version), includeInternal: true, limit: 1000, cancellationToken);
        return rows.Select(r => new SnapshotItem("evidence", r.Id, r.Sha256, r.LogIndex, r.Name)).ToList();
    }
}
