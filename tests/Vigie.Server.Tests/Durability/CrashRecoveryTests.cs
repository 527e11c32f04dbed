using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// The issue's durability promise, tested against the real server process: "a call returns only
/// once its entry is durable, with its index. Killing the server at any moment loses no
/// acknowledged entry and never leaves a tree that disagrees with a signed checkpoint."
/// </summary>
public abstract class CrashRecoveryTests : DurabilityTest
{
    private const int Writers = 16;
    private const int Cycles = 3;

    [Fact]
    public Task KillNine_MidStream_LosesNoAcknowledgedEntry_AndNeverContradictsASignedCheckpoint() => WithServerOutputAsync(async () =>
    {
        // Seeded so a failing run can be replayed with the same kill moments.
        var random = new Random(UsePostgres ? 9162 : 8785);
        var server = await StartServerAsync("server-start");
        var token = server.AdminToken;
        string keyText;
        using (var first = server.CreateClient(token))
        {
            keyText = (await LogView.KeyAsync(first)).VerifierKey;
        }

        var acked = new Dictionary<long, Ack>();
        var attempted = new List<string>();
        var served = new List<Checkpoint>();
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            var killAfter = random.Next(200, 801);
            var writers = new EvidenceWriters();
            using (var client = server.CreateClient(token))
            {
                var key = await LogView.KeyAsync(client);
                var watcher = new CheckpointWatcher(server, client, key);
                using var stop = new CancellationTokenSource();
                var writing = writers.RunAsync(server, client, Writers, int.MaxValue, stop.Token);
                var watching = watcher.RunAsync(stop.Token);

                // The delay runs from the first acknowledgement: a just-started server on a busy
                // machine may need longer than the delay to answer at all, and a kill before any
                // answer would prove nothing.
                var warm = await Task.WhenAny(writers.FirstAck, writing, Task.Delay(TimeSpan.FromSeconds(30)));
                Assert.True(warm == writers.FirstAck,
                    $"Cycle {cycle}: no write was acknowledged within 30 s:\n{string.Join("\n", writers.Unexpected)}");
                await Task.Delay(killAfter);
                writers.MarkKilled();
                watcher.MarkKilled();
                await server.KillAsync(); // SIGKILL, mid-stream
                await Task.WhenAll(writing, watching);

                Assert.True(writers.Unexpected.IsEmpty, $"Cycle {cycle}: before the kill:\n{string.Join("\n", writers.Unexpected)}");
                Assert.True(watcher.Unexpected.IsEmpty, $"Cycle {cycle}: before the kill:\n{string.Join("\n", watcher.Unexpected)}");
                served.AddRange(watcher.Seen);
            }

            foreach (var ack in writers.Acked)
            {
                Assert.True(acked.TryAdd(ack.Index, ack),
                    $"Cycle {cycle}: index {ack.Index} was acknowledged twice: for {acked.GetValueOrDefault(ack.Index)?.Sha256} and for {ack.Sha256}.");
            }

            attempted.AddRange(writers.Attempted);
            server = await StartServerAsync($"server-restart-{cycle}");
            var size = await AssertRecoveredAsync(server, token, keyText, acked, attempted, served, $"After kill {cycle} ({killAfter} ms, {writers.Acked.Count} acknowledged)");
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"kill {cycle} {killAfter} ms after the first 201: {writers.Acked.Count} acknowledged of {writers.Attempted.Count} posted; log now {size} entries");
        }
    });

    /// <summary>Checks the restarted server against everything acknowledged and served so far; returns the log's size.</summary>
    private static async Task<long> AssertRecoveredAsync(
        ServerProcess server, string token, string keyText, Dictionary<long, Ack> acked, List<string> attempted,
        List<Checkpoint> served, string context)
    {
        using var client = server.CreateClient(token);

        // The restarted server signs with the same key, and its checkpoint verifies with it.
        var key = await LogView.KeyAsync(client);
        Assert.Equal(keyText, key.VerifierKey);
        var checkpoint = await LogView.CheckpointAsync(client, key);
        var highest = acked.Keys.Max();
        Assert.True(checkpoint.Size > highest,
            $"{context}: index {highest} was acknowledged, but the restarted log's checkpoint has only {checkpoint.Size} entries.");

        // Every checkpoint ever served, above all the last one before each kill, is a prefix of the new tree.
        Assert.NotEmpty(served);
        foreach (var old in served)
        {
            await LogView.AssertConsistentAsync(client, old, checkpoint, context);
        }

        // The whole log, read as a tlog client would: contiguous, hashing to the signed root, each digest once.
        var entries = LogView.Entries(await LogView.ReadBundlesAsync(client, checkpoint.Size), checkpoint.Size);
        Assert.True(LogView.RootOf(entries).AsSpan().SequenceEqual(checkpoint.RootHash),
            $"{context}: the entries served do not hash to the signed root of size {checkpoint.Size}.");
        var position = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (LogView.EvidenceSha256(entries[i], i) is { } sha)
            {
                Assert.True(position.TryAdd(sha, i), $"{context}: evidence {sha} is in the log twice, at {position.GetValueOrDefault(sha)} and {i}.");
            }
        }

        var unknown = position.Keys.Except(attempted, StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, $"{context}: the log holds evidence nobody posted: {string.Join(", ", unknown.Take(5))}");
        foreach (var ack in acked.Values)
        {
            Assert.True(position.TryGetValue(ack.Sha256, out var at) && at == ack.Index,
                $"{context}: evidence {ack.Sha256} was acknowledged at index {ack.Index}, but the log has it " +
                (position.ContainsKey(ack.Sha256) ? $"at {position[ack.Sha256]}." : "nowhere: an acknowledged entry was lost."));
        }

        // And through the JSON API, entry by entry, with the projection written in the same transaction.
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(acked.Values, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ack, ct) =>
        {
            using var response = await client.GetAsync($"/api/v1/log/entries/{ack.Index}", ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Enqueue($"GET /api/v1/log/entries/{ack.Index}: {(int)response.StatusCode} {text}");
                return;
            }

            var entry = JsonDocument.Parse(text).RootElement;
            var envelope = entry.GetProperty("envelope");
            var sha = envelope.GetProperty("kind").GetString() == LogView.EvidenceKind
                ? envelope.GetProperty("body").GetProperty("sha256").GetString()
                : null;
            var bytes = Convert.FromBase64String(entry.GetProperty("envelopeBase64").GetString()!);
            if (sha != ack.Sha256 || entry.GetProperty("leafHash").GetString() != Convert.ToBase64String(MerkleHash.Leaf(bytes)))
            {
                failures.Enqueue($"Entry {ack.Index}: expected evidence {ack.Sha256}, served {text}");
            }
        });
        Assert.True(failures.IsEmpty, $"{context}:\n{string.Join("\n", failures.Take(20))}");

        foreach (var ack in acked.Values.OrderBy(a => a.Index).Where((_, i) => i % 97 == 0))
        {
            var found = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/evidence?sha256={ack.Sha256}")).RootElement;
            Assert.True(found.GetArrayLength() == 1 && found[0].GetProperty("index").GetInt64() == ack.Index,
                $"{context}: the evidence projection does not show {ack.Sha256} at {ack.Index}: {found}");
        }

        served.Add(checkpoint);
        return checkpoint.Size;
    }
}

public sealed class CrashRecoveryTestsOnSqlite : CrashRecoveryTests
{
    protected override bool UsePostgres => false;
}

public sealed class CrashRecoveryTestsOnPostgres : CrashRecoveryTests
{
    protected override bool UsePostgres => true;
}
