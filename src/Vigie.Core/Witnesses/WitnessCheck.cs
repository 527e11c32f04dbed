using System.Security.Cryptography;
using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// The checks a witness makes on add-checkpoint, in the order C2SP tlog-witness gives them:
/// origin known (404), a trusted signature (403), old size not above the new one (400), old size
/// equal to the size last cosigned (409 with that size), the consistency proof (422), equal sizes
/// with equal roots (409). Pure: the caller holds its lock, persists <see cref="WitnessVerdict.Accepted"/>
/// before answering, and cosigns <see cref="WitnessVerdict.Text"/>.
/// </summary>
public static class WitnessCheck
{
    /// <param name="logs">The log keys the witness trusts, by origin.</param>
    /// <param name="stored">The latest checkpoint the witness cosigned for an origin, or null if none.</param>
    public static WitnessVerdict Evaluate(
        AddCheckpointRequest request, IReadOnlyDictionary<string, IReadOnlyList<NoteVerifier>> logs, Func<string, WitnessedLog?> stored)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = request.Checkpoint;
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return WitnessVerdict.Fail(WitnessOutcome.BadRequest, "The checkpoint is not a signed note: no empty line before its signatures.");
        }

        var text = note[..(split + 1)];
        if (!Checkpoint.TryParse(text, out var checkpoint, out var parseError))
        {
            return WitnessVerdict.Fail(WitnessOutcome.BadRequest, $"The checkpoint is malformed: {parseError}");
        }

        if (!logs.TryGetValue(checkpoint!.Origin, out var keys) || keys.Count == 0)
        {
            return WitnessVerdict.Fail(WitnessOutcome.UnknownLog, $"This witness does not follow the log \"{checkpoint.Origin}\".");
        }

        if (!SignedNote.TryOpen(note, keys, out _, out var signatureError))
        {
            return WitnessVerdict.Fail(WitnessOutcome.Forbidden, $"The checkpoint is not signed by a key this witness trusts for {checkpoint.Origin}: {signatureError}");
        }

        if (request.OldSize > checkpoint.Size)
        {
            return WitnessVerdict.Fail(WitnessOutcome.BadRequest, $"The old size {request.OldSize} is above the checkpoint's size {checkpoint.Size}.");
        }

        var latest = stored(checkpoint.Origin);
        var knownSize = latest?.Size ?? 0;
        if (request.OldSize != knownSize)
        {
            return WitnessVerdict.Fail(WitnessOutcome.Conflict,
                $"The old size {request.OldSize} is not the size this witness last cosigned for {checkpoint.Origin} ({knownSize}).", knownSize);
        }

        if (latest is null)
        {
            // Every tree extends the empty one; the proof from size 0 is empty.
            return request.Proof.Count == 0
                ? WitnessVerdict.Ok(checkpoint, text, note)
                : WitnessVerdict.Fail(WitnessOutcome.BadProof, "The consistency proof from size 0 must be empty.");
        }

        if (latest.Size == checkpoint.Size)
        {
            if (!CryptographicOperations.FixedTimeEquals(latest.RootHash, checkpoint.RootHash))
            {
                return WitnessVerdict.Fail(WitnessOutcome.Conflict,
                    $"This witness cosigned size {latest.Size} of {checkpoint.Origin} with a different root hash: the log presents two histories.", knownSize);
            }

            return request.Proof.Count == 0
                ? WitnessVerdict.Ok(checkpoint, text, note)
                : WitnessVerdict.Fail(WitnessOutcome.BadProof, "A consistency proof between equal sizes must be empty.");
        }

        var check = MerkleProof.VerifyConsistency(latest.Size, checkpoint.Size, request.Proof, latest.RootHash, checkpoint.RootHash);
        return check.IsValid
            ? WitnessVerdict.Ok(checkpoint, text, note)
            : WitnessVerdict.Fail(WitnessOutcome.BadProof,
                $"The checkpoint of size {checkpoint.Size} is not proven consistent with size {latest.Size} cosigned before: {check.Error}");
    }
}
