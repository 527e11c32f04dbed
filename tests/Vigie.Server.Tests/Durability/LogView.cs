using System.Net;
using System.Text.Json;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Server.Tests.Durability;

/// <summary>
/// Reads a server's log the way an outside verifier does, trusting nothing but the published
/// key: signed checkpoints, RFC 9162 consistency proofs, C2SP entry bundles.
/// </summary>
public static class LogView
{
    public const string EvidenceKind = "evidence.recorded/v1";

    public static async Task<NoteVerifier> KeyAsync(HttpClient client)
    {
        var text = (await client.GetStringAsync("/log/key")).Trim();
        Assert.True(NoteVerifier.TryParse(text, out var verifier, out var error), $"/log/key at {client.BaseAddress}: {error}");
        return verifier!;
    }

    /// <summary>The newest checkpoint, opened with <paramref name="key"/>: fails unless the signature verifies.</summary>
    public static async Task<Checkpoint> CheckpointAsync(HttpClient client, NoteVerifier key)
    {
        var note = await client.GetStringAsync("/log/checkpoint");
        return Open(note, key, client.BaseAddress);
    }

    public static Checkpoint Open(string note, NoteVerifier key, Uri? from)
    {
        Assert.True(SignedNote.TryOpen(note, [key], out var opened, out var error),
            $"The checkpoint from {from} does not verify with {key.VerifierKey}: {error}\n{note}");
        Assert.True(Checkpoint.TryParse(opened!.Text, out var checkpoint, out var parseError),
            $"The checkpoint from {from} is not a C2SP checkpoint: {parseError}\n{note}");
        Assert.Equal(key.Name, checkpoint!.Origin);
        return checkpoint;
    }

    /// <summary>Polls until the server serves a verified checkpoint of at least <paramref name="size"/> entries.</summary>
    public static async Task<Checkpoint> CheckpointCoveringAsync(HttpClient client, NoteVerifier key, long size, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var checkpoint = await CheckpointAsync(client, key);
            if (checkpoint.Size >= size)
            {
                return checkpoint;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"{client.BaseAddress} served no checkpoint covering {size} entries within {within.TotalSeconds} s; its newest is {checkpoint.Size}.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Asks <paramref name="proofSource"/> for a consistency proof between two signed checkpoints
    /// and checks it against the signed roots only (never the roots the response claims).
    /// </summary>
    public static async Task AssertConsistentAsync(HttpClient proofSource, Checkpoint older, Checkpoint newer, string context)
    {
        Assert.True(older.Size <= newer.Size,
            $"{context}: a checkpoint of size {older.Size} was signed, but the newer one has only {newer.Size} entries: the log shrank.");
        if (older.Size == 0)
        {
            return;
        }

        using var response = await proofSource.GetAsync($"/api/v1/log/proofs/consistency?from={older.Size}&to={newer.Size}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{context}: GET consistency {older.Size}->{newer.Size} from {proofSource.BaseAddress} answered {(int)response.StatusCode}: {text}");
        var hashes = JsonDocument.Parse(text).RootElement.GetProperty("hashes").EnumerateArray()
            .Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
        var check = MerkleProof.VerifyConsistency(older.Size, newer.Size, hashes, older.RootHash, newer.RootHash);
        Assert.True(check.IsValid,
            $"{context}: the signed checkpoint of size {older.Size} (root {Convert.ToBase64String(older.RootHash)}) is not consistent " +
            $"with the signed checkpoint of size {newer.Size} (root {Convert.ToBase64String(newer.RootHash)}): {check.Error}");
    }

    /// <summary>The raw C2SP entry bundles covering the first <paramref name="size"/> entries, in order.</summary>
    public static async Task<List<byte[]>> ReadBundlesAsync(HttpClient client, long size)
    {
        var bundles = new List<byte[]>();
        foreach (var tile in TilePath.EntryBundlesForSize(size))
        {
            var path = "/log/" + TilePath.Format(tile);
            using var response = await client.GetAsync(path);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"GET {path} from {client.BaseAddress} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
            bundles.Add(bytes);
        }

        return bundles;
    }

    /// <summary>Every entry of the first <paramref name="size"/>, decoded from the entry bundles.</summary>
    public static List<byte[]> Entries(IEnumerable<byte[]> bundles, long size)
    {
        var entries = new List<byte[]>();
        foreach (var bundle in bundles)
        {
            Assert.True(EntryBundle.TryDecode(bundle, out var decoded, out var error), error);
            entries.AddRange(decoded);
        }

        Assert.Equal(size, entries.Count);
        return entries;
    }

    /// <summary>The root of the tree over <paramref name="entries"/>, computed here from the entries themselves.</summary>
    public static byte[] RootOf(IEnumerable<byte[]> entries) =>
        MerkleTree.FromLeafHashes(entries.Select(e => MerkleHash.Leaf(e))).RootHash();

    /// <summary>The evidence digest an entry records, or null for other kinds.</summary>
    public static string? EvidenceSha256(byte[] entry, long index)
    {
        Assert.True(Envelope.TryParse(entry, out var envelope, out var error), $"Entry {index} is not a valid envelope: {error}");
        return envelope!.Kind == EvidenceKind ? envelope.Body!.Value.GetProperty("sha256").GetString() : null;
    }
}
