using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// The evidence a decision binds to. A decision about a version binds to the version's evidence
/// snapshot (card, recorded files, evaluations, assessments: <see cref="EvidenceSnapshots"/>);
/// a decision about the organisation's own rules binds to the charter in force.
/// </summary>
public sealed class DecisionEvidence(EvidenceSnapshots snapshots, LedgerStore store)
{
    public async Task<EvidenceSnapshot> TakeAsync(string? system, string? version, DecisionQueries.CharterRow charter, CancellationToken cancellationToken)
    {
        if (system is not null && version is not null)
        {
            return await snapshots.TakeAsync(system, version, cancellationToken);
        }

        IReadOnlyList<SnapshotItem> items =
        [
            new("charter", $"charter-{charter.Name}-v{charter.Version}", charter.Digest, charter.LogIndex, charter.Charter.Title),
        ];
        return new EvidenceSnapshot(EvidenceSnapshots.Digest(items), items);
    }

    /// <summary>
    /// The items whose log entries are not public. A public decision entry would publish their
    /// titles and digests, so a decision resting on them is internal.
    /// </summary>
    public async Task<IReadOnlyList<SnapshotItem>> NotPublicAsync(IReadOnlyList<SnapshotItem> items, CancellationToken cancellationToken)
    {
        var hidden = new List<SnapshotItem>();
        foreach (var item in items)
        {
            var bytes = await store.ReadEnvelopeAsync(item.LogIndex, cancellationToken);
            if (bytes is null || !Envelope.TryParse(bytes, out var envelope, out _) || envelope!.Visibility != Visibility.Public)
            {
                hidden.Add(item);
            }
        }

        return hidden;
    }

    public static string Describe(IReadOnlyList<SnapshotItem> items) =>
        string.Join(", ", items.Take(5).Select(i => $"{i.Kind} {i.Id}")) + (items.Count > 5 ? $" and {items.Count - 5} more" : "");
}
