using Vigie.Cli.Config;

namespace Vigie.Cli.Verification;

/// <summary>
/// For commands that only need the current checkpoint (log checkpoint, evidence check): resolve
/// the pinned key, verify the checkpoint with it, and save a first-use pin once it has proved
/// itself by verifying a checkpoint. The consistency history is left to 'vigie verify'.
/// </summary>
internal static class PinnedCheckpoint
{
    public static async Task<VerifiedCheckpoint> FetchAsync(CommandContext context, long coveringSize, CancellationToken cancellationToken)
    {
        var config = context.Config.Load();
        var state = ConfigStore.StateFor(config, context.Server.Key);
        var wasPinned = state.VerifierKey is not null;
        var key = await KeyPinning.ResolveAsync(context, state, null, cancellationToken);
        var checkpoint = await CheckpointReader.FetchCoveringAsync(context, key, coveringSize, cancellationToken);
        if (!wasPinned)
        {
            context.Config.Save(config);
        }

        return checkpoint;
    }
}
