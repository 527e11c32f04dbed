using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;

namespace Vigie.Cli.Verification;

/// <summary>
/// What `vigie verify --witness KEY [--min-witnesses N]` asks: that the checkpoint carries valid
/// cosignatures (C2SP tlog-cosignature) by at least N of the given witnesses. A log that shows one
/// history to its witnesses and another to this client cannot get such a checkpoint for the second.
/// </summary>
internal sealed record WitnessRequirement(IReadOnlyList<CosignatureVerifier> Witnesses, int Required)
{
    public static WitnessRequirement? Parse(string[] keys, int? minimum)
    {
        if (keys.Length == 0)
        {
            return minimum is null ? null : throw new CliFailure(ExitCodes.Usage, "--min-witnesses needs the witnesses' keys: give --witness KEY for each.");
        }

        var witnesses = new List<CosignatureVerifier>();
        foreach (var key in keys)
        {
            if (!CosignatureVerifier.TryParse(key, out var verifier, out var error))
            {
                throw new CliFailure(ExitCodes.Usage, $"--witness {key}: {error}");
            }

            witnesses.Add(verifier!);
        }

        var required = minimum ?? witnesses.Count;
        if (required < 1 || required > witnesses.Count)
        {
            throw new CliFailure(ExitCodes.Usage, $"--min-witnesses must be between 1 and the {witnesses.Count} witness key(s) given; got {required}.");
        }

        return new WitnessRequirement(witnesses, required);
    }

    /// <summary>
    /// Fetches the checkpoint until it carries the required cosignatures, for a few seconds at
    /// most (the server publishes a checkpoint once its witnesses answered); returns the last one
    /// seen and what its cosignatures say.
    /// </summary>
    public async Task<(VerifiedCheckpoint Checkpoint, WitnessCheckResult Result)> FetchAsync(
        CommandContext context, NoteVerifier key, CancellationToken cancellationToken)
    {
        var deadline = context.Environment.Clock.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (true)
        {
            var latest = await CheckpointReader.FetchAsync(context, key, cancellationToken);
            SignedNote.TryOpen(latest.Note, [key], out var opened, out _);
            var result = WitnessQuorum.Check(opened!.Text, opened.Unverified, Witnesses, Required);
            if (result.Satisfied || result.Error is not null || context.Environment.Clock.GetUtcNow() >= deadline)
            {
                return (latest, result);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), context.Environment.Clock, cancellationToken);
        }
    }
}
