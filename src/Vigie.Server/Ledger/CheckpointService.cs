using Dapper;
using Microsoft.Extensions.Options;
using Vigie.Core.Ledger;
using Vigie.Server.Hosting;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>
/// Signs C2SP checkpoints of the committed tree shortly after new entries arrive (within
/// <see cref="VigieOptions.LogOptions.CheckpointDelayMilliseconds"/>, well under a second), one
/// signer at a time, and never a checkpoint that contradicts one already signed: before signing,
/// the tree at the last signed size must have the last signed root.
/// </summary>
public sealed class CheckpointService : BackgroundService
{
    internal const long PostgresSignLock = 0x5669676965_03;

    private readonly Ledger _ledger;
    private readonly LedgerStore _store;
    private readonly NoteSigner _signer;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckpointService> _logger;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _signGate = new(1, 1);
    private SignedCheckpoint? _latest;

    public CheckpointService(Ledger ledger, LedgerStore store, NoteSigner signer, TimeProvider time,
        IOptions<VigieOptions> options, ILogger<CheckpointService> logger)
    {
        _ledger = ledger;
        _store = store;
        _signer = signer;
        _time = time;
        _logger = logger;
        _delay = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.Log.CheckpointDelayMilliseconds, 0, 900));
        Origin = signer.Name;
        _ledger.Committed += () => _wake.Release();
    }

    public string Origin { get; }

    public NoteVerifier Verifier => _signer.Verifier;

    /// <summary>Raised after a new checkpoint was signed and stored (witnesses are asked to cosign it).</summary>
    public event Action<SignedCheckpoint>? Signed;

    /// <summary>The newest signed checkpoint.</summary>
    public SignedCheckpoint Latest => _latest ?? throw new InvalidOperationException("The checkpoint service has not started.");

    /// <summary>Checks the stored checkpoints against the tree and signs the current size if needed.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await _store.Database.OpenAsync(cancellationToken))
        {
            var stored = await _store.LatestCheckpointAsync(connection);
            if (stored is not null)
            {
                if (!AgreesWithTree(stored.Size, stored.RootHash))
                {
                    throw new InvalidDataException(
                        $"The stored log does not match its last signed checkpoint (size {stored.Size}). " +
                        "The database was altered; refusing to serve or sign anything that would contradict it.");
                }

                _latest = new SignedCheckpoint(stored.Size, stored.RootHash, stored.Note);
            }
        }

        await SignIfNeededAsync(cancellationToken);
    }

    /// <summary>Signs a checkpoint of the current tree if it grew; returns the newest checkpoint.</summary>
    public async Task<SignedCheckpoint> SignIfNeededAsync(CancellationToken cancellationToken = default)
    {
        await _signGate.WaitAsync(cancellationToken);
        try
        {
            var size = _ledger.Tree.Size;
            if (_latest is not null && size <= _latest.Size)
            {
                return _latest;
            }

            var root = _ledger.Tree.RootHash(size);
            await using var connection = await _store.Database.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (_store.Database.Provider == DbProvider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@k)", new { k = PostgresSignLock }, tx);
            }

            var stored = await _store.LatestCheckpointAsync(connection, tx);
            if (stored is not null && stored.Size >= size)
            {
                // Another process sharing the store signed this size or a later one already: serve
                // it only once this process holds those entries and agrees with its root.
                if (!await _ledger.EnsureSizeAsync(stored.Size, cancellationToken) || !AgreesWithTree(stored.Size, stored.RootHash))
                {
                    throw new InvalidDataException(
                        $"The checkpoint stored at size {stored.Size} does not match this process's tree; not serving it.");
                }

                _latest = new SignedCheckpoint(stored.Size, stored.RootHash, stored.Note);
                return _latest;
            }

            if (stored is not null && !AgreesWithTree(stored.Size, stored.RootHash))
            {
                throw new InvalidDataException(
                    $"Refusing to sign size {size}: the tree disagrees with the checkpoint already signed at size {stored.Size}.");
            }

            var body = new Checkpoint(Origin, size, root, []).ToBody();
            var note = _signer.Sign(body);
            await _store.InsertCheckpointAsync(connection, tx,
                new LedgerStore.StoredCheckpoint(size, root, note, LedgerTime.Format(_time.GetUtcNow())));
            await tx.CommitAsync(cancellationToken);
            _latest = new SignedCheckpoint(size, root, note);
            Signed?.Invoke(_latest);
            return _latest;
        }
        finally
        {
            _signGate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shared = _store.Database.Provider == DbProvider.Postgres;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // With a shared PostgreSQL store, other processes append too: poll for their entries.
                var woken = await _wake.WaitAsync(shared ? TimeSpan.FromMilliseconds(250) : Timeout.InfiniteTimeSpan, stoppingToken);
                if (woken && _delay > TimeSpan.Zero)
                {
                    // A scheduling pause, not a governance time: real time even under a fake clock.
                    await Task.Delay(_delay, stoppingToken);
                }

                while (_wake.CurrentCount > 0)
                {
                    await _wake.WaitAsync(stoppingToken);
                }

                if (shared)
                {
                    await _ledger.CatchUpAsync(stoppingToken);
                }

                await SignIfNeededAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Signing a checkpoint failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private bool AgreesWithTree(long size, byte[] rootHash) =>
        size <= _ledger.Tree.Size && _ledger.Tree.RootHash(size).AsSpan().SequenceEqual(rootHash);

    public override void Dispose()
    {
        _wake.Dispose();
        _signGate.Dispose();
        base.Dispose();
    }
}
