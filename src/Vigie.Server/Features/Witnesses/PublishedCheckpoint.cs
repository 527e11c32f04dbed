using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Witnesses;

/// <summary>
/// The checkpoint the log publishes. Without witnesses it is the newest signed one. With
/// witnesses it is the newest one whose witness round has finished (every witness answered or
/// timed out), with the cosignatures gathered: a client asking for cosignatures then always finds
/// those it will ever get, even while new entries keep arriving.
/// </summary>
public sealed class PublishedCheckpoint(CheckpointService checkpoints, WitnessRegistry witnesses)
{
    private readonly Lock gate = new();
    private WitnessedCheckpoint? current;

    public string Origin => checkpoints.Origin;

    public string VerifierKey => checkpoints.Verifier.VerifierKey;

    public WitnessedCheckpoint Current
    {
        get
        {
            if (witnesses.All.Count == 0)
            {
                return new WitnessedCheckpoint(checkpoints.Latest, []);
            }

            lock (gate)
            {
                return current ?? new WitnessedCheckpoint(checkpoints.Latest, []);
            }
        }
    }

    /// <summary>Publishes a checkpoint once its round is over; never goes back to a smaller tree.</summary>
    internal void Publish(WitnessedCheckpoint checkpoint)
    {
        lock (gate)
        {
            if (current is null || checkpoint.Size > current.Size
                || (checkpoint.Size == current.Size && checkpoint.Cosignatures.Count >= current.Cosignatures.Count))
            {
                current = checkpoint;
            }
        }
    }
}
