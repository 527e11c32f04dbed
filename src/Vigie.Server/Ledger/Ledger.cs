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
    private readonly EntryBundleFiles _bundles;
    private readonly TimeProvider _time;
    private readonly ILogger<Ledger> _logger;
    private readonly Dictionary<string, IProjection[]> _projections;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _treeGate = new(1, 1);
    private DbConnection? _writerConnection;
    private Task? _writer;

    public Ledger(LedgerStore store, IEnumerable<IProjection> projections, EntryBundleFiles bundles, TimeProvider time, ILogger<Ledger> logger)
    {
        _store = store;
        _bundles = bundles;
        _database = store.Database;
        _time = time;
        _logger = logger;
        _projections = ProjectionIndex.ByKind(projections);
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

        // Everything that does not need the index is done here, on the caller's thread, so the
        // single writer only stores rows: envelope, canonical bytes, commitment and leaf hash.
        var time = _time.GetUtcNow();
        var entries = new PreparedEntry[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (!Envelope.IsValidKind(write.Kind))
            {
                throw new ArgumentException($"Invalid entry kind '{write.Kind}'.", nameof(writes));
            }

            Envelope? envelope;
            SealedBody? sealedBody = null;
            byte[]? canonical;
            string? error;
            var entryTime = write.DayPrecisionTime ? new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero) : time;
            var ok = write.Visibility == Visibility.Public
                ? Envelope.TryCreatePublic(write.Kind, entryTime, write.Actor, write.Body, out envelope, out canonical, out error)
                : Envelope.TryCreateSealed(write.Kind, entryTime, write.Actor, write.Visibility, write.Body, out envelope, out sealedBody, out canonical, out error);
            if (!ok)
            {
                // Oversize is the expected case (features bound their inputs); anything else is a bug.
                return canonical is null && error is not null && error.Contains("limit", StringComparison.Ordinal)
                    ? Task.FromResult(AppendResult.Rejected($"The entry is too large for the log: {error}."))
                    : throw new ArgumentException($"Entry {write.Kind} cannot be built: {error}", nameof(writes));
            }

            entries[i] = new PreparedEntry(write, envelope!, canonical!, sealedBody, MerkleHash.Leaf(canonical!));
        }

        var pending = new PendingAppend(entries, cancellationToken);
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
        var accepted = new List<(PendingAppend Item, long Index)>(batch.Count);
        var rejected = new List<(PendingAppend Item, string Conflict)>();
        var leaves = new List<byte[]>(batch.Count);
        var committed = new List<byte[]>(batch.Count);
        await _treeGate.WaitAsync();
        try
        {
            var connection = await WriterConnectionAsync();
            try
            {
                await using var tx = await connection.BeginTransactionAsync();
                if (_database.Provider == DbProvider.Postgres)
                {
                    await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@k)", new { k = PostgresAppendLock }, tx);
                }

                var next = await CatchUpLockedAsync(connection, tx);
                await using (var ledgerTx = new LedgerTransaction(connection, tx, _database.Provider))
                {
                    foreach (var item in batch)
                    {
                        var first = next + leaves.Count;
                        var conflict = await WriteGroupAsync(ledgerTx, item, first);
                        if (conflict is not null)
                        {
                            rejected.Add((item, conflict));
                        }
                        else
                        {
                            accepted.Add((item, first));
                            leaves.AddRange(item.Entries.Select(e => e.LeafHash));
                            committed.AddRange(item.Entries.Select(e => e.Canonical));
                        }
                    }

                    await ledgerTx.FlushAsync();
                }

                await tx.CommitAsync();
            }
            catch
            {
                // The connection's state is unknown after a failure: start the next batch on a fresh one.
                await DropWriterConnectionAsync();
                throw;
            }

            var firstCommitted = Tree.Size;
            foreach (var leaf in leaves)
            {
                Tree.Append(leaf);
            }

            _bundles.Committed(firstCommitted, committed, Tree);
        }
        finally
        {
            _treeGate.Release();
        }

        foreach (var (item, conflict) in rejected)
        {
            item.Completion.TrySetResult(AppendResult.Rejected(conflict));
        }

        foreach (var (item, index) in accepted)
        {
            item.Completion.TrySetResult(new AppendResult(index, item.Entries[0].Envelope.Time, null));
        }

        if (accepted.Count > 0)
        {
            Committed?.Invoke();
        }
    }

    internal const string InsertEntrySql =
        "INSERT INTO log_entries (idx, envelope, leaf_hash, kind, visibility, time, actor) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)";

    internal const string InsertSealedSql = "INSERT INTO log_sealed_bodies (idx, salt, body) VALUES (@p0, @p1, @p2)";

    private async Task<string?> WriteGroupAsync(LedgerTransaction tx, PendingAppend item, long first)
    {
        // A projection may refuse an entry (a name already taken); a savepoint lets the rest of
        // the batch commit without this group. Groups no projection can refuse need none. Queued
        // writes are sent first, so a refusing projection reads an up-to-date database.
        var needsSavepoint = item.Entries.Any(e => _projections.TryGetValue(e.Write.Kind, out var ps) && ps.Any(x => x.MayRefuse));
        var queued = tx.QueuedCount;
        if (needsSavepoint)
        {
            await tx.FlushAsync();
            queued = 0;
            await tx.Connection.ExecuteAsync("SAVEPOINT entry", transaction: tx.Transaction);
        }

        for (var i = 0; i < item.Entries.Length; i++)
        {
            var (write, envelope, canonical, sealedBody, leafHash) = item.Entries[i];
            var index = first + i;

            // Once in a batch, an entry shares the transaction with others: a caller who gives up
            // must not cancel their commit, so no per-request token is used from here on.
            await tx.InsertAsync(InsertEntrySql, index, canonical, leafHash, envelope.Kind,
                VisibilityNames.Of(envelope.Visibility), LedgerTime.Format(envelope.Time), envelope.Actor);
            if (sealedBody is not null)
            {
                await tx.InsertAsync(InsertSealedSql, index, sealedBody.Salt, sealedBody.CanonicalBody);
            }

            if (!_projections.TryGetValue(write.Kind, out var projections))
            {
                continue;
            }

            var record = new LedgerRecord(index, envelope, write.Body);
            foreach (var projection in projections)
            {
                if (projection.MayRefuse)
                {
                    await tx.FlushAsync();
                }

                var conflict = await projection.ApplyAsync(tx, record, CancellationToken.None);
                if (conflict is null)
                {
                    continue;
                }

                if (!needsSavepoint)
                {
                    throw new InvalidOperationException(
                        $"{projection.GetType().Name} refused a {write.Kind} entry but declares MayRefuse = false: {conflict}");
                }

                tx.DiscardAfter(queued);
                await tx.Connection.ExecuteAsync("ROLLBACK TO SAVEPOINT entry", transaction: tx.Transaction);
                await tx.Connection.ExecuteAsync("RELEASE SAVEPOINT entry", transaction: tx.Transaction);
                return conflict;
            }
        }

        if (needsSavepoint)
        {
            await tx.FlushAsync();
            await tx.Connection.ExecuteAsync("RELEASE SAVEPOINT entry", transaction: tx.Transaction);
        }

        return null;
    }

    /// <summary>The writer keeps one connection open across batches (no reconnect or pragmas per batch).</summary>
    private async Task<DbConnection> WriterConnectionAsync() =>
        _writerConnection ??= await _database.OpenAsync();

    private async Task DropWriterConnectionAsync()
    {
        if (_writerConnection is not null)
        {
            await _writerConnection.DisposeAsync();
            _writerConnection = null;
        }
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
            await foreach (var (envelope, leaf) in _store.ReadEntriesAsync(connection, tx, Tree.Size, count))
            {
                Tree.Append(leaf);
                _bundles.Committed(Tree.Size - 1, envelope, Tree);
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

        await DropWriterConnectionAsync();

    }

    private sealed record PreparedEntry(LedgerWrite Write, Envelope Envelope, byte[] Canonical, SealedBody? Sealed, byte[] LeafHash);

    private sealed record PendingAppend(PreparedEntry[] Entries, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
