using System.Text.Json;
using Vigie.Core.Json;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// One evidence record checked end to end: the entry's bytes are parsed and hashed here, its body
/// (public) or revealed body and salt (internal, checked against the commitment) must name the
/// file's SHA-256, and an RFC 9162 inclusion proof must lead to the verified checkpoint's root.
/// </summary>
internal sealed record EvidenceProof(string Id, long Index, string Time, string Actor, string Visibility, string? Problem)
{
    private const string EvidenceKind = "evidence.recorded/v1";

    public static async Task<EvidenceProof> CheckAsync(CommandContext context, JsonElement record, string sha256, VerifiedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var id = record.TryGetProperty("id", out var idValue) ? idValue.GetString() ?? "" : "";
        var index = record.GetProperty("index").GetInt64();
        var entry = await context.Api.GetJsonAsync($"api/v1/log/entries/{index}", cancellationToken);
        var bytes = Convert.FromBase64String(entry.GetProperty("envelopeBase64").GetString() ?? "");
        if (!Envelope.TryParse(bytes, out var envelope, out var parseError))
        {
            return new EvidenceProof(id, index, "", "", "", $"the entry does not parse: {parseError}.");
        }

        var time = envelope!.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var actor = envelope.Actor ?? "anonymous";
        var visibility = envelope.Visibility.ToString().ToLowerInvariant();
        var problem = BodyProblem(envelope, entry, sha256) ?? ProofProblem(index, bytes, checkpoint);
        if (problem is null)
        {
            problem = await InclusionProblemAsync(context, index, bytes, checkpoint, cancellationToken);
        }

        return new EvidenceProof(id, index, time, actor, visibility, problem);
    }

    private static string? BodyProblem(Envelope envelope, JsonElement entry, string sha256)
    {
        if (envelope.Kind != EvidenceKind)
        {
            return $"the entry is a {envelope.Kind}, not an {EvidenceKind}.";
        }

        JsonElement body;
        if (envelope.Visibility == Vigie.Core.Ledger.Visibility.Public)
        {
            body = envelope.Body!.Value;
        }
        else
        {
            if (!entry.TryGetProperty("sealedBody", out var revealed) || revealed.ValueKind != JsonValueKind.Object
                || !revealed.TryGetProperty("body", out body) || !revealed.TryGetProperty("salt", out var saltValue))
            {
                return "the entry is not public and its body was not revealed (erased, or not visible to this token), so it cannot be checked.";
            }

            var sealedBody = new SealedBody(Convert.FromBase64String(saltValue.GetString() ?? ""), Jcs.Canonicalize(body));
            if (!Commitment.Matches(envelope, sealedBody))
            {
                return "the revealed body and salt do not match the commitment in the log.";
            }
        }

        return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("sha256", out var named)
            && string.Equals(named.GetString(), sha256, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"the entry's body does not name sha256 {sha256}.";
    }

    private static string? ProofProblem(long index, byte[] entry, VerifiedCheckpoint checkpoint) =>
        index < checkpoint.Checkpoint.Size
            ? null
            : $"no signed checkpoint covers entry {index} yet (newest is {checkpoint.Checkpoint.Size}); try again in a moment.";

    private static async Task<string?> InclusionProblemAsync(CommandContext context, long index, byte[] entry, VerifiedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var size = checkpoint.Checkpoint.Size;
        var proof = await context.Api.GetJsonAsync($"api/v1/log/proofs/inclusion?index={index}&size={size}", cancellationToken);
        var hashes = proof.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString() ?? "")).ToList();
        var check = MerkleProof.VerifyInclusion(index, size, MerkleHash.Leaf(entry), hashes, checkpoint.Checkpoint.RootHash);
        return check.IsValid ? null : $"the inclusion proof does not verify: {check.Error}";
    }
}
