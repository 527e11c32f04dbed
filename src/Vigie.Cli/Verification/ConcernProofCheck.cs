using System.Globalization;
using System.Text.Json;
using Vigie.Core.Concerns;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// Checks a reporter's proof of filing with nothing but the log's pinned key: the checkpoint note
/// must be signed by it; every entry of the concern the status names must be in the proof, be a
/// concern entry with a day-only time and no actor on the reporter's side, name this concern when
/// public, and have an RFC 9162 inclusion proof to the checkpoint's root; the filed entry must carry
/// the digest of the very envelope the reporter got back. Works offline on a saved bundle.
/// </summary>
internal static class ConcernProofCheck
{
    public sealed record Entry(long Index, string Kind, string Day, bool Pending, string? Problem);

    public sealed record Result(long CheckpointSize, IReadOnlyList<Entry> Entries, string? Problem)
    {
        public bool Verified => Problem is null && Entries.All(e => e.Problem is null);

        /// <summary>For a concern held for its batch: the day it enters the log (there is nothing to prove yet).</summary>
        public string? HeldUntil { get; init; }
    }

    public static Result Check(JsonElement status, NoteVerifier key)
    {
        if (status.TryGetProperty("entersLogOn", out var held) && held.ValueKind == JsonValueKind.String)
        {
            return new Result(0, [], null) { HeldUntil = held.GetString() };
        }

        var proofs = status.GetProperty("proofs");
        if (!SignedNote.TryOpen(proofs.GetProperty("checkpoint").GetString() ?? "", [key], out var opened, out var error))
        {
            return new Result(0, [], $"the checkpoint is not signed by the pinned key {key.VerifierKey}: {error}");
        }

        if (!Checkpoint.TryParse(opened!.Text, out var checkpoint, out var parseError) || checkpoint!.Origin != key.Name)
        {
            return new Result(0, [], $"the checkpoint is malformed or belongs to another log: {parseError}");
        }

        var concern = status.GetProperty("concern").GetString();
        var digest = ConcernEnvelope.TryParse(status.GetProperty("envelope"), out var envelope, out _) ? Convert.ToHexStringLower(envelope.Digest()) : null;
        var entries = proofs.GetProperty("entries").EnumerateArray().Select(e => CheckEntry(e, checkpoint, concern, digest)).ToList();
        var proven = entries.Select(e => e.Index).ToHashSet();
        var missing = Claimed(status).Where(i => !proven.Contains(i)).ToList();
        return new Result(checkpoint.Size, entries, missing.Count == 0 ? null : $"the status names log entries {string.Join(", ", missing)} but gives no proof for them");
    }

    /// <summary>Every log index the status says belongs to the concern.</summary>
    private static IEnumerable<long> Claimed(JsonElement status)
    {
        yield return status.GetProperty("receivedIndex").GetInt64();
        foreach (var e in status.GetProperty("events").EnumerateArray())
        {
            yield return e.GetProperty("index").GetInt64();
            if (e.GetProperty("detailIndex").ValueKind == JsonValueKind.Number)
            {
                yield return e.GetProperty("detailIndex").GetInt64();
            }
        }
    }

    private static Entry CheckEntry(JsonElement proof, Checkpoint checkpoint, string? concern, string? digest)
    {
        var index = proof.GetProperty("index").GetInt64();
        var bytes = Convert.FromBase64String(proof.GetProperty("entry").GetString() ?? "");
        if (!Envelope.TryParse(bytes, out var entry, out var error))
        {
            return new Entry(index, "", "", false, $"entry {index} does not parse: {error}");
        }

        var day = entry!.Time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? Problem(string text) => $"entry {index} ({entry.Kind}): {text}";
        var problem = !entry.Kind.StartsWith("concern.", StringComparison.Ordinal) ? Problem("not a concern entry")
            : entry.Time.UtcDateTime.TimeOfDay != TimeSpan.Zero ? Problem("it records an exact time, not a day")
            : entry.Visibility == Visibility.Public && entry.Actor is not null ? Problem("a public concern entry names an actor")
            : entry.Visibility == Visibility.Public && !Names(entry, "concern", concern) ? Problem($"it is not about concern {concern}")
            : entry.Kind == "concern.filed/v1" && !Names(entry, "envelopeSha256", digest) ? Problem("it does not carry the digest of the concern you got back")
            : null;
        var pending = proof.GetProperty("pending").GetBoolean();
        if (problem is null && !pending)
        {
            var hashes = proof.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString() ?? "")).ToList();
            var check = MerkleProof.VerifyInclusion(index, checkpoint.Size, MerkleHash.Leaf(bytes), hashes, checkpoint.RootHash);
            problem = check.IsValid ? null : Problem($"the inclusion proof does not verify: {check.Error}");
        }

        return new Entry(index, entry.Kind, day, pending, problem);
    }

    private static bool Names(Envelope entry, string member, string? expected) =>
        expected is not null && entry.Body is { } body && body.TryGetProperty(member, out var value) && value.GetString() == expected;
}
