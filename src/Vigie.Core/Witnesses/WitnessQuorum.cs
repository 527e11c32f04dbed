using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// A verifier's side of witnessing: which trusted witnesses cosigned a checkpoint. Lines by unknown
/// keys are ignored (tlog-witness: "The client MUST ignore any cosignatures from unknown keys");
/// a line that names a trusted witness's key but does not verify fails the whole check, since it
/// means the note was altered.
/// </summary>
public static class WitnessQuorum
{
    /// <param name="checkpointText">The checkpoint note text, without signature lines.</param>
    /// <param name="signatures">The note's signatures by keys other than the log's (<see cref="OpenedNote.Unverified"/>).</param>
    public static WitnessCheckResult Check(string checkpointText, IEnumerable<NoteSignature> signatures, IReadOnlyList<CosignatureVerifier> witnesses, int required)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(witnesses);
        var lines = signatures.ToList();
        var cosigned = new List<Cosignature>();
        var missing = new List<string>();
        foreach (var witness in witnesses)
        {
            var line = lines.FirstOrDefault(witness.IsSigner);
            if (line is null)
            {
                missing.Add(witness.Name);
                continue;
            }

            if (!Cosignature.TryFrom(line, out var cosignature, out var formatError))
            {
                return new WitnessCheckResult(cosigned, missing, required, formatError);
            }

            var check = witness.Verify(cosignature!, checkpointText);
            if (!check.IsValid)
            {
                return new WitnessCheckResult(cosigned, missing, required, check.Error);
            }

            cosigned.Add(cosignature!);
        }

        return new WitnessCheckResult(cosigned, missing, required, null);
    }
}
