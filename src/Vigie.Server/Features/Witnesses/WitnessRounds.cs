using Vigie.Core.Witnesses;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Witnesses;

/// <summary>
/// Sends each new checkpoint to every configured witness (all at once), then publishes it with
/// the cosignatures that came back. Checkpoints signed while a round runs are not queued one by
/// one: the next round takes the newest, whose consistency proof covers the ones skipped.
/// </summary>
public sealed class WitnessRounds(
    CheckpointService checkpoints, PublishedCheckpoint published, WitnessRegistry registry, WitnessClient client, WitnessStore store,
    ILogger<WitnessRounds> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>A mistake in the witness configuration stops the start, with the entry named.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _ = registry.All;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (registry.All.Count == 0)
        {
            return;
        }

        checkpoints.Signed += _ => wake.Release();

        // What was gathered before a restart is served at once; the current checkpoint is then
        // offered again, so newly configured witnesses catch up without waiting for an entry.
        await PublishStoredAsync(checkpoints.Latest, stoppingToken);
        long done = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var target = checkpoints.Latest;
                if (target.Size > done)
                {
                    await RoundAsync(target, stoppingToken);
                    done = target.Size;
                }

                await wake.WaitAsync(stoppingToken);
                while (wake.CurrentCount > 0)
                {
                    await wake.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "A witness round failed; the next checkpoint starts a new one");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RoundAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await Task.WhenAll(registry.All.Select(w => client.SubmitAsync(w, checkpoint, cancellationToken)));
        await PublishStoredAsync(checkpoint, cancellationToken);
    }

    /// <summary>Publishes a checkpoint with every cosignature stored for its size (from this round, an earlier one, or another process).</summary>
    private async Task PublishStoredAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var cosignatures = new List<Cosignature>();
        foreach (var line in await store.LinesAsync(checkpoint.Size, cancellationToken))
        {
            if (Cosignature.TryParseLine(line, out var cosignature, out _)
                && registry.All.Any(w => w.Name == cosignature!.Name && w.Key.KeyId == cosignature.KeyId))
            {
                cosignatures.Add(cosignature!);
            }
        }

        published.Publish(new WitnessedCheckpoint(checkpoint, cosignatures));
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
