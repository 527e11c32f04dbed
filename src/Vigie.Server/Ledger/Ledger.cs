using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>
/// The one write path (DESIGN.md "The ledger is the source of truth"). Appends are queued and a
/// single writer gathers whatever is waiting into one durable transaction (group commit): each
/// entry's row, its sealed body and its projections are written together, and a caller's task
/// completes only after that transaction committed. The in-memory Merkle tree only ever holds
/// committed entries, so a checkpoint can never cover something a crash could take back.
/// </summary>
public sealed class Ledger : IAsyncDisposable
{
    /// <summary>Advisory lock that sequences appends across processes sharing one PostgreSQL.</summary>
    internal const long PostgresAppendLock = 0x5669676965_02;

    private const int MaxBatch = 8192;

    private readonly Database _database;
    private readonly LedgerStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<Ledger> _logger;
    private readonly Dictionary<string, IProjection[]> _projections;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _treeGate = new(1, 1);
    private Task? _writer;

    public Ledger(LedgerStore store, IEnumerable<IProjection> projections, TimeProvider time, ILogger<Ledger> logger)
    {
        _store = store;
        _database = store.Database;
        _time = time;
        _logger = logger;
        _projections = projections
            .SelectMany(p => p.Kinds.Select(kind => (kind, p)))
            .GroupBy(x => x.kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.p).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every committed leaf hash, with all full-subtree hashes, for proofs and tiles.</summary>
    public MerkleTree Tree { get; } = new();

    /// <summary>Raised (on the writer) after a batch committed; the checkpoint signer listens.</summary>
    public event Action? Committed;

    /// <summary>Loads the committed tree from the store and starts the writer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
    }

    /// <summary>
    /// Brings the in-memory tree up to what the store holds: at start, and when another process
    /// sharing the PostgreSQL store has appended.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _treeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await CatchUpLockedAsync(connection, null);
        }
        finally
        {
            _treeGate.Release();
        }
    }

    /// <summary>
    /// Makes sure the tree holds at least <paramref name="size"/> entries if the store does:
    /// with a shared PostgreSQL store another process may have appended them. Returns whether
    /// the tree is now that large.
    /// </summary>
    public async Task<bool> EnsureSizeAsync(long size, CancellationToken cancellationToken = default)
    {
        if (size > Tree.Size && _database.Provider == DbProvider.Postgres)
        {
            await CatchUpAsync(cancellationToken);
        }

        return size <= Tree.Size;
    }

    /// <summary>Appends one entry; completes once it is durable, with its index, or with the conflict that refused it.</summary>
    public Task<AppendResult> AppendAsync(LedgerWrite write, CancellationToken cancellationToken = default) =>
        AppendAllAsync([write], cancellationToken);

    /// <summary>
    /// Appends entries that belong together (a user and their first token): all get consecutive
    /// indexes in one transaction, or none is written. The result carries the first index.
    /// </summary>
    public Task<AppendResult> AppendAllAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken = default)
    {
        if (writes.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(writes));
        }

        foreach (var write in writes)
        {
            if (!Envelope.IsValidKind(write.Kind))
            {
                throw new ArgumentException($"Invalid entry kind '{write.Kind}'.", nameof(writes));
            }
        }

        var pending = new PendingAppend(writes, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(Ledger), "The ledger is shutting down.");
        }

        return pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                if (!item.CancellationToken.IsCancellationRequested)
                {
                    batch.Add(item);
                }
                else
                {
                    item.Completion.TrySetCanceled(item.CancellationToken);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitBatchAsync(batch);
            }
            catch (Exception ex)
            {
                // A failed append aborts the whole operation for every caller in the batch:
                // nothing of it was committed, and the tree was not touched.
                _logger.LogError(ex, "Ledger batch of {Count} entries failed to commit", batch.Count);
                foreach (var item in batch)
                {
                    item.Completion.TrySetException(new LedgerUnavailableException("The ledger could not commit the entry.", ex));
                }
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingAppend> batch)
    {
        var accepted = new List<(PendingAppend Item, long Index, DateTimeOffset Time)>(batch.Count);
        var leaves = new List<byte[]>(batch.Count);
        var rejected = new List<(PendingAppend Item, string Conflict)>();
        await _treeGate.WaitAsync();
        try
        {
            await using var connection = await _database.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            if (_database.Provider == DbProvider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@k)", new { k = PostgresAppendLock }, tx);
            }

            var next = await CatchUpLockedAsync(connection, tx);
            var time = _time.GetUtcNow();
            var ledgerTx = new LedgerTransaction(connection, tx, _database.Provider);
            await using (var writer = new EntryWriter(connection, tx))
            {
                foreach (var item in batch)
                {
                    var first = next + leaves.Count;
                    var (conflict, itemLeaves) = await WriteGroupAsync(ledgerTx, writer, item, first, time);
                    if (conflict is not null)
                    {
                        rejected.Add((item, conflict));
                    }
                    else
                    {
                        accepted.Add((item, first, time));
                        leaves.AddRange(itemLeaves!);
                    }
                }
            }

            await tx.CommitAsync();
            foreach (var leaf in leaves)
            {
                Tree.Append(leaf);
            }
        }
        finally
        {
            _treeGate.Release();
        }

        foreach (var (item, conflict) in rejected)
        {
            item.Completion.TrySetResult(AppendResult.Rejected(conflict));
        }

        foreach (var a in accepted)
        {
            a.Item.Completion.TrySetResult(new AppendResult(a.Index, a.Time, null));
        }

        if (accepted.Count > 0)
        {
            Committed?.Invoke();
        }
    }

    private async Task<(string? Conflict, List<byte[]>? Leaves)> WriteGroupAsync(
        LedgerTransaction tx, EntryWriter writer, PendingAppend item, long first, DateTimeOffset time)
    {
        var prepared = new List<(LedgerWrite Write, Envelope Envelope, byte[] Canonical, SealedBody? Sealed)>(item.Writes.Count);
        foreach (var write in item.Writes)
        {
            var (envelope, sealedBody) = write.Visibility == Visibility.Public
                ? (Envelope.CreatePublic(write.Kind, time, write.Actor, write.Body), null)
                : Envelope.CreateSealed(write.Kind, time, write.Actor, write.Visibility, write.Body);
            var canonical = envelope.ToCanonicalJson();
            if (canonical.Length > Envelope.MaxBytes)
            {
                return ($"The entry is {canonical.Length} bytes; the log takes at most {Envelope.MaxBytes}.", null);
            }

            prepared.Add((write, envelope, canonical, sealedBody));
        }

        // A projection may refuse an entry (a name already taken); a savepoint lets the rest of
        // the batch commit without this group. Groups no projection can refuse need none.
        var needsSavepoint = prepared.Any(p => _projections.TryGetValue(p.Write.Kind, out var ps) && ps.Any(x => x.MayRefuse));
        if (needsSavepoint)
        {
            await tx.Connection.ExecuteAsync("SAVEPOINT entry", transaction: tx.Transaction);
        }

        var leaves = new List<byte[]>(prepared.Count);
        for (var i = 0; i < prepared.Count; i++)
        {
            var (write, envelope, canonical, sealedBody) = prepared[i];
            var index = first + i;
            var leafHash = MerkleHash.Leaf(canonical);
            // Once in a batch, an entry shares the transaction with others: a caller who gives up
            // must not cancel their commit, so no per-request token is passed from here on.
            await writer.WriteAsync(index, envelope, canonical, leafHash, sealedBody, CancellationToken.None);
            leaves.Add(leafHash);
            if (!_projections.TryGetValue(write.Kind, out var projections))
            {
                continue;
            }

            var record = new LedgerRecord(index, envelope, write.Body);
            foreach (var projection in projections)
            {
                var conflict = await projection.ApplyAsync(tx, record, CancellationToken.None);
                if (conflict is not null)
                {
                    if (!needsSavepoint)
                    {
                        throw new InvalidOperationException(
                            $"{projection.GetType().Name} refused a {write.Kind} entry but declares MayRefuse = false: {conflict}");
                    }

                    await tx.Connection.ExecuteAsync("ROLLBACK TO SAVEPOINT entry", transaction: tx.Transaction);
                    await tx.Connection.ExecuteAsync("RELEASE SAVEPOINT entry", transaction: tx.Transaction);
                    return (conflict, null);
                }
            }
        }

        if (needsSavepoint)
        {
            await tx.Connection.ExecuteAsync("RELEASE SAVEPOINT entry", transaction: tx.Transaction);
        }

        return (null, leaves);
    }

    /// <summary>Requires the tree gate. Returns the store's entry count after catching up.</summary>
    private async Task<long> CatchUpLockedAsync(DbConnection connection, DbTransaction? tx)
    {
        var count = await _store.CountAsync(connection, tx);
        if (count < Tree.Size)
        {
            throw new InvalidDataException(
                $"The store holds {count} log entries but {Tree.Size} were committed before: entries were removed from the database.");
        }

        if (count > Tree.Size)
        {
            await foreach (var leaf in _store.ReadLeafHashesAsync(connection, tx, Tree.Size, count))
            {
                Tree.Append(leaf);
            }
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer;
        }

        _treeGate.Dispose();
    }

    private sealed record PendingAppend(IReadOnlyList<LedgerWrite> Writes, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
