using System.Diagnostics;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Ledger;

namespace Vigie.Benchmarks;

/// <summary>
/// Diagnosis for figure 1: times each step the ledger's writer does per entry, one at a time
/// on one thread, on a fresh store (envelope + JCS + hashing; the entry insert; the savepoint
/// around projections; the evidence projection; the durable commit). Each step is measured over
/// <c>--entries</c> entries in batches of <c>--batch</c>, the shape group commit produces.
/// </summary>
internal static class SplitsScenario
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var entries = options.Entries(20_000);
        var batch = options.Batch;
        var factory = EntryFactory.From(options);
        var loadBefore = MachineLoad.Read();
        await using var host = await LedgerHost.StartAsync(options);
        var writes = Enumerable.Range(0, entries).Select(n => factory.Create(n)).ToArray();
        var time = DateTimeOffset.UtcNow;

        var sw = Stopwatch.StartNew();
        foreach (var w in writes)
        {
            _ = Prepare(w, time);
        }

        var envelopeUs = Micro(sw, entries);
        var next = 1_000_000_000L;
        var insertUs = await TimeBatchesAsync(host, writes, batch, time, () => next++, savepoint: false, project: false);
        var savepointUs = await TimeBatchesAsync(host, writes, batch, time, () => next++, savepoint: true, project: false);
        var projectUs = await TimeBatchesAsync(host, writes, batch, time, () => next++, savepoint: true, project: true);
        var commitMs = await TimeEmptyCommitsAsync(host, 200);

        Report.Print($"splits: per-entry cost of each writer step, batches of {batch}, {host.Description}",
        [
            ("scenario", "splits"), ("store", options.Store), ("visibility", options.Visibility), ("entries", entries), ("batch", batch),
            ("envelopeJcsHashUs", envelopeUs),
            ("insertUs", insertUs.PerEntry), ("insertPlusSavepointUs", savepointUs.PerEntry), ("insertSavepointProjectionUs", projectUs.PerEntry),
            ("batchCommitMs", insertUs.CommitMs), ("emptyCommitMs", commitMs),
            ("loadBefore", loadBefore), ("loadAfter", MachineLoad.Read()), ("at", MachineLoad.Now()),
        ]);
        return 0;
    }

    private static (Envelope Envelope, byte[] Canonical, SealedBody? Sealed, byte[] Leaf) Prepare(LedgerWrite w, DateTimeOffset time)
    {
        var (envelope, sealedBody) = w.Visibility == Visibility.Public
            ? (Envelope.CreatePublic(w.Kind, time, w.Actor, w.Body), null)
            : Envelope.CreateSealed(w.Kind, time, w.Actor, w.Visibility, w.Body);
        var canonical = envelope.ToCanonicalJson();
        return (envelope, canonical, sealedBody, MerkleHash.Leaf(canonical));
    }

    /// <summary>Per-entry µs of the statements alone (envelopes prepared beforehand), and the mean commit in ms.</summary>
    private static async Task<(double PerEntry, double CommitMs)> TimeBatchesAsync(
        LedgerHost host, LedgerWrite[] writes, int batch, DateTimeOffset time, Func<long> nextIndex, bool savepoint, bool project)
    {
        var prepared = writes.Select(w => Prepare(w, time)).ToArray();
        var projection = new EvidenceProjection();
        long statementTicks = 0, commitTicks = 0, commits = 0;
        for (var start = 0; start < prepared.Length; start += batch)
        {
            await using var connection = await host.Database.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            var t0 = Stopwatch.GetTimestamp();
            await using (var ledgerTx = new LedgerTransaction(connection, tx, host.Database.Provider))
            {
                for (var i = start; i < Math.Min(start + batch, prepared.Length); i++)
                {
                    var (envelope, canonical, sealedBody, leaf) = prepared[i];
                    var index = nextIndex();
                    if (savepoint)
                    {
                        await connection.ExecuteAsync("SAVEPOINT entry", transaction: tx);
                    }

                    await ledgerTx.InsertAsync(Ledger.InsertEntrySql, index, canonical, leaf, envelope.Kind,
                        VisibilityNames.Of(envelope.Visibility), LedgerTime.Format(envelope.Time), envelope.Actor);
                    if (sealedBody is not null)
                    {
                        await ledgerTx.InsertAsync(Ledger.InsertSealedSql, index, sealedBody.Salt, sealedBody.CanonicalBody);
                    }
                    if (project)
                    {
                        await projection.ApplyAsync(ledgerTx, new LedgerRecord(index, envelope, writes[i].Body), CancellationToken.None);
                    }

                    if (savepoint)
                    {
                        await ledgerTx.FlushAsync();
                        await connection.ExecuteAsync("RELEASE SAVEPOINT entry", transaction: tx);
                    }
                }

                await ledgerTx.FlushAsync();
            }

            var t1 = Stopwatch.GetTimestamp();
            await tx.CommitAsync();
            statementTicks += t1 - t0;
            commitTicks += Stopwatch.GetTimestamp() - t1;
            commits++;
        }

        return (statementTicks * 1e6 / Stopwatch.Frequency / prepared.Length, commitTicks * 1e3 / Stopwatch.Frequency / commits);
    }

    private static async Task<double> TimeEmptyCommitsAsync(LedgerHost host, int count)
    {
        await using var connection = await host.Database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS bench_tick (n BIGINT)");
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO bench_tick (n) VALUES (@i)", new { i }, tx);
            await tx.CommitAsync();
        }

        return sw.Elapsed.TotalMilliseconds / count;
    }

    private static double Micro(Stopwatch sw, int count) => Math.Round(sw.Elapsed.TotalMicroseconds / count, 2);
}
