using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// The witness's answer to one add-checkpoint request. When <see cref="Outcome"/> is Cosign,
/// <see cref="Accepted"/> is the new state to persist (before answering) and <see cref="Text"/>
/// the checkpoint text to cosign. On Conflict, <see cref="KnownSize"/> is the size the witness holds.
/// </summary>
public sealed record WitnessVerdict(WitnessOutcome Outcome, string Message, long? KnownSize = null, string? Text = null, WitnessedLog? Accepted = null)
{
    public int HttpStatus => Outcome switch
    {
        WitnessOutcome.Cosign => 200,
        WitnessOutcome.BadRequest => 400,
        WitnessOutcome.Forbidden => 403,
        WitnessOutcome.UnknownLog => 404,
        WitnessOutcome.Conflict => 409,
        _ => 422,
    };

    internal static WitnessVerdict Fail(WitnessOutcome outcome, string message, long? knownSize = null) => new(outcome, message, knownSize);

    internal static WitnessVerdict Ok(Checkpoint checkpoint, string text, string note) =>
        new(WitnessOutcome.Cosign, $"Checkpoint {checkpoint.Size} of {checkpoint.Origin} is consistent; cosigned.", checkpoint.Size, text,
            new WitnessedLog(checkpoint.Origin, checkpoint.Size, checkpoint.RootHash, note));
}
