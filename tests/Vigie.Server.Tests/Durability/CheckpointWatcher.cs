using System.Collections.Concurrent;
using Vigie.Core.Ledger;
using Xunit.Sdk;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// Polls a server's /log/checkpoint while writers run, keeping every distinct signed checkpoint
/// it served (each verified with the log's key). Once a checkpoint was served, no later tree may
/// disagree with it. It stops at its first failed request (after a kill, the server is gone).
/// </summary>
public sealed class CheckpointWatcher(ServerProcess server, HttpClient client, NoteVerifier key)
{
    private volatile bool _killed;

    public ConcurrentQueue<Checkpoint> Seen { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    public void MarkKilled() => _killed = true;

    public Task RunAsync(CancellationToken stop) => Task.Run(async () =>
    {
        long lastSize = -1;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var note = await client.GetStringAsync("/log/checkpoint", CancellationToken.None);
                var checkpoint = LogView.Open(note, key, client.BaseAddress);
                if (checkpoint.Size < lastSize)
                {
                    Unexpected.Enqueue($"{server.Name} served a checkpoint of size {checkpoint.Size} after one of size {lastSize}.");
                }

                if (checkpoint.Size != lastSize)
                {
                    Seen.Enqueue(checkpoint);
                    lastSize = checkpoint.Size;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                if (!_killed)
                {
                    Unexpected.Enqueue($"{server.Name}: GET /log/checkpoint failed while the server was up: {ex.Message}");
                }

                return;
            }
            catch (XunitException ex)
            {
                Unexpected.Enqueue($"{server.Name}: {ex.Message}");
                return;
            }

            await Task.Delay(15, CancellationToken.None);
        }
    }, CancellationToken.None);
}
