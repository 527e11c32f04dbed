using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// A reporter's proof of filing: the latest signed checkpoint and, for each log entry of their
/// concern, the entry's bytes and its RFC 9162 inclusion proof in that checkpoint. A client
/// checks the note with the log's pinned key and every proof itself, so the server is trusted
/// for nothing; entries newer than the checkpoint come back without a proof ("pending").
/// </summary>
public sealed class ConcernProofs(Ledger.Ledger ledger, LedgerStore store, CheckpointService checkpoints)
{
    public async Task<object> BuildAsync(IEnumerable<long> indexes, CancellationToken cancellationToken)
    {
        var checkpoint = checkpoints.Latest;
        await ledger.EnsureSizeAsync(checkpoint.Size, cancellationToken);
        var entries = new List<object>();
        foreach (var index in indexes.Distinct().Order())
        {
            var envelope = await store.ReadEnvelopeAsync(index, cancellationToken);
            if (envelope is null)
            {
                continue;
            }

            entries.Add(new
            {
                index,
                entry = Convert.ToBase64String(envelope),
                hashes = index < checkpoint.Size ? ledger.Tree.InclusionProof(index, checkpoint.Size).Select(Convert.ToBase64String).ToList() : null,
                pending = index >= checkpoint.Size,
            });
        }

        return new
        {
            origin = checkpoints.Origin,
            verifierKey = checkpoints.Verifier.VerifierKey,
            checkpoint = checkpoint.Note,
            size = checkpoint.Size,
            entries,
        };
    }
}
