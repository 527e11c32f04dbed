using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Vigie.Server.Tests.Durability;

/// <summary>An entry the server acknowledged with 201: from then on it must be in the log at that index.</summary>
public sealed record Ack(string Server, long Index, string Sha256);

/// <summary>
/// Concurrent writers posting public evidence in a loop, recording every acknowledgement. A writer
/// stops at its first failed request, so the writers are still mid-request when a server is killed.
/// Once <see cref="MarkKilled"/> was called the failures are expected (the server is gone); before
/// that, any failure or non-201 answer is recorded as unexpected.
/// </summary>
public sealed class EvidenceWriters
{
    private readonly TaskCompletionSource _firstAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _killed;

    /// <summary>Completes at the first acknowledgement: a freshly started server has warmed up.</summary>
    public Task FirstAck => _firstAck.Task;

    public ConcurrentQueue<Ack> Acked { get; } = new();

    /// <summary>Every digest posted, acknowledged or not: each may appear in the log at most once.</summary>
    public ConcurrentQueue<string> Attempted { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>Call before killing the server, so the requests the kill breaks are not counted as failures.</summary>
    public void MarkKilled() => _killed = true;

    public Task RunAsync(ServerProcess server, HttpClient client, int writers, int maxPerWriter, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers)
            .Select(w => Task.Run(() => WriteLoopAsync(server.Name, client, w, maxPerWriter, stop), CancellationToken.None)));

    private async Task WriteLoopAsync(string server, HttpClient client, int writer, int maxPerWriter, CancellationToken stop)
    {
        for (var i = 0; i < maxPerWriter && !stop.IsCancellationRequested; i++)
        {
            var sha = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            Attempted.Enqueue(sha);
            try
            {
                using var response = await client.PostAsJsonAsync(
                    "/api/v1/evidence", new { sha256 = sha, name = $"{server}-w{writer}-{i}.bin", visibility = "public" }, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Unexpected.Enqueue($"{server}: POST /api/v1/evidence answered {(int)response.StatusCode}: {body}");
                    return;
                }

                var json = JsonDocument.Parse(body).RootElement;
                var index = json.GetProperty("index").GetInt64();
                var echoed = json.GetProperty("sha256").GetString();
                if (echoed != sha)
                {
                    Unexpected.Enqueue($"{server}: posted {sha} but the 201 for index {index} names {echoed}");
                }

                Acked.Enqueue(new Ack(server, index, sha));
                _firstAck.TrySetResult();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                if (!_killed)
                {
                    Unexpected.Enqueue($"{server}: POST /api/v1/evidence failed while the server was up: {ex.GetType().Name}: {ex.Message}");
                }

                return;
            }
        }
    }
}
