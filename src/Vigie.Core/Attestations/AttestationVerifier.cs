using System.Text.Json;
using Vigie.Core.Json;
using Vigie.Core.Ledger;

namespace Vigie.Core.Attestations;

/// <summary>
/// Checks a release attestation bundle offline, with nothing but the log's key: the DSSE
/// signature over the in-toto statement; the signed checkpoint (C2SP signed-note, origin = key
/// name); the gate.checked entry — its body (or revealed body, against its commitment) must state
/// what the predicate states; and its RFC 9162 inclusion proof to the checkpoint's root. Optionally
/// the subject must be the weights the caller holds, and the system, version and action the ones
/// it is about to deploy (<see cref="AttestationExpectation"/>).
/// </summary>
public static class AttestationVerifier
{
    private const string CheckedKind = "gate.checked/v1";

    public static AttestationCheck Verify(JsonElement bundle, NoteVerifier key, string? expectedWeightsSha256 = null) =>
        Verify(bundle, key, new AttestationExpectation(expectedWeightsSha256));

    public static AttestationCheck Verify(JsonElement bundle, NoteVerifier key, AttestationExpectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(key);
        var problems = new List<string>();
        if (Text(bundle, "mediaType") != ReleaseAttestation.BundleMediaType)
        {
            return Fail($"the file is not a {ReleaseAttestation.BundleMediaType} bundle.");
        }

        DsseEnvelope? envelope;
        try
        {
            envelope = bundle.GetProperty("dsseEnvelope").Deserialize<DsseEnvelope>();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Fail($"the DSSE envelope is malformed: {e.Message}");
        }

        if (envelope is null)
        {
            return Fail("the bundle has no DSSE envelope.");
        }

        if (ReleaseAttestation.Open(envelope, key, out var signatureError) is not { } payload)
        {
            return Fail($"signature: {signatureError}");
        }

        ReleaseStatement? statement;
        string? statementError;
        try
        {
            using var document = JsonDocument.Parse(payload);
            statement = ReleaseStatement.FromJson(document.RootElement, out statementError);
        }
        catch (JsonException e)
        {
            return Fail($"the signed payload is not JSON: {e.Message}");
        }

        if (statement is null)
        {
            return Fail($"statement: {statementError}");
        }

        if (statement.Result is not ("allow" or "allow-with-warnings"))
        {
            problems.Add($"the statement records a '{statement.Result}' result; only an allowing gate is attested.");
        }

        problems.AddRange(expectation.Mismatches(statement));

        if (statement.LogOrigin != key.Name)
        {
            problems.Add($"the statement names log '{statement.LogOrigin}', but the key is for '{key.Name}'.");
        }

        var size = CheckLogEntry(bundle, statement, key, problems);
        return new AttestationCheck(statement, size, problems);

        static AttestationCheck Fail(string problem) => new(null, 0, [problem]);
    }

    private static long CheckLogEntry(JsonElement bundle, ReleaseStatement statement, NoteVerifier key, List<string> problems)
    {
        if (!bundle.TryGetProperty("logEntry", out var log) || log.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the bundle has no log entry and proof, so the evaluation cannot be found in the log.");
            return 0;
        }

        if (!SignedNote.TryOpen(Text(log, "checkpoint") ?? "", [key], out var opened, out var noteError))
        {
            problems.Add($"checkpoint: not signed by {key.VerifierKey}: {noteError}");
            return 0;
        }

        if (!Checkpoint.TryParse(opened!.Text, out var checkpoint, out var parseError) || checkpoint!.Origin != key.Name)
        {
            problems.Add($"checkpoint: malformed or of another log: {parseError ?? checkpoint?.Origin}");
            return 0;
        }

        var index = log.TryGetProperty("index", out var i) && i.TryGetInt64(out var n) ? n : -1;
        if (index != statement.LogIndex)
        {
            problems.Add($"the proof is for log entry {index}, but the statement names entry {statement.LogIndex}.");
            return checkpoint.Size;
        }

        var bytes = Dsse.DecodeBase64(Text(log, "entry"));
        Envelope? entry = null;
        string? entryError = "the entry is not base64";
        if (bytes is null || !Envelope.TryParse(bytes, out entry, out entryError))
        {
            problems.Add($"the log entry does not parse: {entryError}");
            return checkpoint.Size;
        }

        if (BodyProblem(log, entry!, statement) is { } bodyProblem)
        {
            problems.Add(bodyProblem);
        }

        var hashes = log.TryGetProperty("hashes", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Select(x => Dsse.DecodeBase64(x.GetString()) ?? []).ToList()
            : [];
        var inclusion = MerkleProof.VerifyInclusion(index, checkpoint.Size, MerkleHash.Leaf(bytes!), hashes, checkpoint.RootHash);
        if (!inclusion.IsValid)
        {
            problems.Add($"inclusion: entry {index} is not proven in the signed checkpoint of size {checkpoint.Size}: {inclusion.Error}");
        }

        return checkpoint.Size;
    }

    /// <summary>The entry must be the gate evaluation the statement describes, at the time it gives.</summary>
    private static string? BodyProblem(JsonElement log, Envelope entry, ReleaseStatement s)
    {
        if (entry.Kind != CheckedKind)
        {
            return $"log entry {s.LogIndex} is a {entry.Kind}, not a {CheckedKind}.";
        }

        JsonElement body;
        if (entry.Visibility == Visibility.Public)
        {
            body = entry.Body!.Value;
        }
        else if (log.TryGetProperty("sealedBody", out var revealed) && revealed.TryGetProperty("body", out body)
                 && Dsse.DecodeBase64(Text(revealed, "salt")) is { } salt)
        {
            if (!Commitment.Matches(entry, new SealedBody(salt, Jcs.Canonicalize(body))))
            {
                return $"the revealed body of log entry {s.LogIndex} does not match its commitment.";
            }
        }
        else
        {
            return $"log entry {s.LogIndex} is not public and the bundle does not reveal its body.";
        }

        var claims = new (string Field, string Expected)[]
        {
            ("system", s.System), ("version", s.Version), ("action", s.Action), ("result", s.Result),
            ("dossierDigest", s.DossierDigest), ("policyVersion", s.PolicyVersion), ("policySha256", s.PolicySha256),
        };
        var wrong = claims.Where(c => Text(body, c.Field) != c.Expected).Select(c => c.Field).ToList();
        if (wrong.Count > 0)
        {
            return $"log entry {s.LogIndex} records a different evaluation ({string.Join(", ", wrong)} differ).";
        }

        return LedgerTime.Format(entry.Time) == s.CheckedAt ? null : $"log entry {s.LogIndex} was recorded at {LedgerTime.Format(entry.Time)}, not {s.CheckedAt}.";
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
