using System.Text.Json;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>
/// Throws the projections away and replays the log into them, in one transaction
/// (<c>vigie-server rebuild-projections</c>): the proof that feature tables hold nothing the
/// log does not.
/// </summary>
public sealed class ProjectionRebuilder(LedgerStore store, IEnumerable<IProjection> projections)
{
    public async Task<long> RebuildAsync(CancellationToken cancellationToken)
    {
        var all = projections.ToList();
        var byKind = ProjectionIndex.ByKind(all);

        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Projections registered later may refer to earlier ones' tables: empty them in reverse.
        for (var i = all.Count - 1; i >= 0; i--)
        {
            foreach (var table in all[i].Tables)
            {
                await connection.ExecuteAsync($"DELETE FROM {table}", transaction: tx);
            }
        }

        await using var ledgerTx = new LedgerTransaction(connection, tx, store.Database.Provider);
        var replayed = 0L;
        var rows = await connection.QueryAsync<(long Idx, byte[] Envelope, byte[]? Body)>(
            new CommandDefinition(
                "SELECT e.idx, e.envelope, s.body FROM log_entries e LEFT JOIN log_sealed_bodies s ON s.idx = e.idx ORDER BY e.idx",
                transaction: tx, cancellationToken: cancellationToken, flags: CommandFlags.Buffered));
        foreach (var (idx, bytes, sealedBody) in rows)
        {
            if (!Envelope.TryParse(bytes, out var envelope, out var error))
            {
                throw new InvalidDataException($"Log entry {idx} is not a valid envelope: {error}");
            }

            if (!byKind.TryGetValue(envelope!.Kind, out var targets))
            {
                continue;
            }

            JsonElement? body = envelope.Body ?? (sealedBody is null ? null : JsonDocument.Parse(sealedBody).RootElement);
            var record = new LedgerRecord(idx, envelope, body);
            foreach (var projection in targets)
            {
                if (projection.MayRefuse)
                {
                    await ledgerTx.FlushAsync();
                }

                var conflict = await projection.ApplyAsync(ledgerTx, record, cancellationToken);
                if (conflict is not null)
                {
                    throw new InvalidDataException($"Replaying entry {idx} ({envelope.Kind}) failed: {conflict}");
                }
            }

            replayed++;
        }

        await ledgerTx.FlushAsync();
        await tx.CommitAsync(cancellationToken);
        return replayed;
    }
}
