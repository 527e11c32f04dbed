namespace Vigie.Server.Ledger;

/// <summary>
/// A feature's tables, derived from ledger entries. Applied in the same transaction as the
/// entry, and replayed from the log by <c>vigie-server rebuild-projections</c>, so it must
/// depend on nothing but the records it is given.
/// </summary>
public interface IProjection
{
    /// <summary>The entry kinds this projection reads.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>Its tables, in an order that can be emptied front to back (children first).</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// Whether <see cref="ApplyAsync"/> may refuse an entry. The ledger wraps entries of kinds a
    /// projection may refuse in a savepoint; the others skip that cost on the hot path.
    /// </summary>
    bool MayRefuse { get; }

    /// <summary>Applies one entry; returns a conflict message to refuse it (the entry is then not written).</summary>
    ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken);
}
