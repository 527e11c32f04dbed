using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// Fetches /log/checkpoint and accepts it only when signed by the pinned key (C2SP signed-note:
/// signatures by other keys are ignored, so a note signed only by another key is refused), its
/// body is a well-formed tlog-checkpoint, and its origin is the key's name.
/// </summary>
internal static class CheckpointReader
{
    public static async Task<VerifiedCheckpoint> FetchAsync(CommandContext context, NoteVerifier key, CancellationToken cancellationToken)
    {
        var note = await context.Api.GetTextAsync("log/checkpoint", cancellationToken);
        if (!SignedNote.TryOpen(note, [key], out var opened, out var error))
        {
            throw new CliFailure(ExitCodes.Failed,
                $"The server's checkpoint is not signed by the pinned key {key.VerifierKey}: {error}");
        }

        if (!Checkpoint.TryParse(opened!.Text, out var checkpoint, out var parseError))
        {
            throw new CliFailure(ExitCodes.Failed, $"The signed checkpoint is malformed: {parseError}");
        }

        if (checkpoint!.Origin != key.Name)
        {
            throw new CliFailure(ExitCodes.Failed,
                $"The checkpoint's origin '{checkpoint.Origin}' is not the pinned key's name '{key.Name}': it belongs to another log.");
        }

        return new VerifiedCheckpoint(checkpoint, note, key);
    }

    /// <summary>Waits (up to a few seconds: the server signs within a second) for a checkpoint that covers <paramref name="size"/> entries.</summary>
    public static async Task<VerifiedCheckpoint> FetchCoveringAsync(CommandContext context, NoteVerifier key, long size, CancellationToken cancellationToken)
    {
        var deadline = context.Environment.Clock.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (true)
        {
            var latest = await FetchAsync(context, key, cancellationToken);
            if (latest.Checkpoint.Size >= size || context.Environment.Clock.GetUtcNow() >= deadline)
            {
                return latest;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), context.Environment.Clock, cancellationToken);
        }
    }
}
