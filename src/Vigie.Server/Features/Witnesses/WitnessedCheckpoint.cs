using Vigie.Core.Witnesses;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Witnesses;

/// <summary>A signed checkpoint with the witness cosignatures gathered for it; <see cref="Note"/> is what /log/checkpoint serves.</summary>
public sealed record WitnessedCheckpoint(SignedCheckpoint Checkpoint, IReadOnlyList<Cosignature> Cosignatures)
{
    /// <summary>The log's signed note with one extra signature line per cosignature (C2SP tlog-cosignature).</summary>
    public string Note => Checkpoint.Note + string.Concat(Cosignatures.Select(c => c.ToLine()));

    public long Size => Checkpoint.Size;
}
