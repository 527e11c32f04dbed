using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// DESIGN.md "Storage": with PostgreSQL "several server processes may then share one database,
/// and the ledger stays a single consistent tree (sequencing under a database lock, one
/// checkpoint signer at a time)". Two real server processes, one database, one data directory
/// (hence one signer key, ADR 0003). PostgreSQL only: SQLite is one process's embedded store.
/// </summary>
public sealed class SharedPostgresTests : DurabilityTest
{
    private const int WritersPerProcess = 8;
    private const int WritesPerWriter = 25; // 402 entries: a full entry bundle and a partial one

    protected override bool UsePostgres => true;

    [Fact]
    public Task TwoProcesses_OneDatabase_AppendToOneConsistentTree() => WithServerOutputAsync(async () =>
    {
        var a = await StartServerAsync("process-A");
        var b = await StartServerAsync("process-B"); // started once A is ready: it finds A's key, admin and log
        var token = a.AdminToken;
        using var clientA = a.CreateClient(token);
        using var clientB = b.CreateClient(token);

        var keyA = await LogView.KeyAsync(clientA);
        var keyB = await LogView.KeyAsync(clientB);
        Assert.Equal(keyA.VerifierKey, keyB.VerifierKey);
        var start = await LogView.CheckpointAsync(clientA, keyA);

        var writers = new EvidenceWriters();
        var watchA = new CheckpointWatcher(a, clientA, keyA);
        var watchB = new CheckpointWatcher(b, clientB, keyA);
        using var stop = new CancellationTokenSource();
        var watching = Task.WhenAll(watchA.RunAsync(stop.Token), watchB.RunAsync(stop.Token));
        await Task.WhenAll(
            writers.RunAsync(a, clientA, WritersPerProcess, WritesPerWriter, CancellationToken.None),
            writers.RunAsync(b, clientB, WritersPerProcess, WritesPerWriter, CancellationToken.None));
        await stop.CancelAsync();
        await watching;

        Assert.True(writers.Unexpected.IsEmpty, string.Join("\n", writers.Unexpected));
        Assert.True(watchA.Unexpected.IsEmpty, string.Join("\n", watchA.Unexpected));
        Assert.True(watchB.Unexpected.IsEmpty, string.Join("\n", watchB.Unexpected));

        // One sequence: the indexes both processes handed out are distinct and, together, contiguous.
        var acks = writers.Acked.OrderBy(x => x.Index).ToList();
        Assert.Equal(2 * WritersPerProcess * WritesPerWriter, acks.Count);
        Assert.Contains(acks, x => x.Server == a.Name);
        Assert.Contains(acks, x => x.Server == b.Name);
        var duplicates = acks.GroupBy(x => x.Index).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Both processes acknowledged the same indexes: {string.Join(", ", duplicates.Take(20))}");
        Assert.Equal(Enumerable.Range((int)start.Size, acks.Count).Select(i => (long)i), acks.Select(x => x.Index));
        var total = start.Size + acks.Count;

        // Each process soon serves a checkpoint of everything, under the one key.
        var finalA = await LogView.CheckpointCoveringAsync(clientA, keyA, total, TimeSpan.FromSeconds(2));
        var finalB = await LogView.CheckpointCoveringAsync(clientB, keyB, total, TimeSpan.FromSeconds(2));
        Assert.Equal(total, finalA.Size);
        Assert.Equal(total, finalB.Size);
        Assert.Equal(finalA.RootHash, finalB.RootHash);

        // Every checkpoint either process served is a prefix of the final tree, by proofs from both processes.
        var served = watchA.Seen.Concat(watchB.Seen).Append(start).Append(finalA).Append(finalB).ToList();
        foreach (var checkpoint in served)
        {
            await LogView.AssertConsistentAsync(clientA, checkpoint, finalB, $"{a.Name}'s proof");
            await LogView.AssertConsistentAsync(clientB, checkpoint, finalA, $"{b.Name}'s proof");
        }

        // Both serve byte-identical entry bundles, hashing to the signed root, holding each acknowledged entry at its index.
        var bundlesA = await LogView.ReadBundlesAsync(clientA, total);
        var bundlesB = await LogView.ReadBundlesAsync(clientB, total);
        Assert.Equal(bundlesA.Count, bundlesB.Count);
        for (var i = 0; i < bundlesA.Count; i++)
        {
            Assert.True(bundlesA[i].AsSpan().SequenceEqual(bundlesB[i]), $"Entry bundle {i} differs between {a.Name} and {b.Name}.");
        }

        var entries = LogView.Entries(bundlesA, total);
        Assert.True(LogView.RootOf(entries).AsSpan().SequenceEqual(finalA.RootHash), "The entries do not hash to the signed root.");
        foreach (var ack in acks)
        {
            Assert.Equal(ack.Sha256, LogView.EvidenceSha256(entries[(int)ack.Index], ack.Index));
        }
    });

    /// <summary>
    /// A deployment puts processes behind one load balancer: an entry one process acknowledged
    /// must be readable and provable from its sibling at once. ADR 0001: each process catches up
    /// from the database "before serving a tile or proof beyond what it holds".
    /// </summary>
    [Fact]
    public Task EntryAcknowledgedByOneProcess_IsServedAndProvedByTheOther_AtOnce() => WithServerOutputAsync(async () =>
    {
        var a = await StartServerAsync("process-A");
        var b = await StartServerAsync("process-B");
        var token = a.AdminToken;
        using var clientA = a.CreateClient(token);
        using var clientB = b.CreateClient(token);
        var failures = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var (writer, reader) = round % 2 == 0 ? (clientA, clientB) : (clientB, clientA);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            using var posted = await writer.PostAsJsonAsync("/api/v1/evidence", new { sha256 = sha, name = "x.bin", visibility = "public" });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            var index = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("index").GetInt64();

            using var entry = await reader.GetAsync($"/api/v1/log/entries/{index}");
            var entryText = await entry.Content.ReadAsStringAsync();
            if (entry.StatusCode != HttpStatusCode.OK || !entryText.Contains(sha, StringComparison.Ordinal))
            {
                failures.Add($"round {round}: entry {index} acknowledged by {writer.BaseAddress}; GET /api/v1/log/entries/{index} on {reader.BaseAddress}: {(int)entry.StatusCode} {entryText}");
            }

            using var proof = await reader.GetAsync($"/api/v1/log/proofs/inclusion?index={index}&size={index + 1}");
            var proofText = await proof.Content.ReadAsStringAsync();
            if (proof.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"round {round}: GET /api/v1/log/proofs/inclusion?index={index}&size={index + 1} on {reader.BaseAddress}: {(int)proof.StatusCode} {proofText}");
                continue;
            }

            var json = JsonDocument.Parse(proofText).RootElement;
            var hashes = json.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
            var leaf = Convert.FromBase64String(json.GetProperty("leafHash").GetString()!);
            var root = Convert.FromBase64String(json.GetProperty("rootHash").GetString()!);
            var check = MerkleProof.VerifyInclusion(index, index + 1, leaf, hashes, root);
            if (!check.IsValid)
            {
                failures.Add($"round {round}: the inclusion proof for {index} from {reader.BaseAddress} does not verify: {check.Error}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} reads failed on the process that did not acknowledge the entry:\n{string.Join("\n", failures)}");
    });
}
