using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>A checkpoint whose signature verified with the pinned key, and the signed note it came in.</summary>
internal sealed record VerifiedCheckpoint(Checkpoint Checkpoint, string Note, NoteVerifier Key)
{
    public string RootBase64 => Convert.ToBase64String(Checkpoint.RootHash);

    /// <summary>How the CLI names a checkpoint in messages: size and root.</summary>
    public string Describe() => $"checkpoint {Checkpoint.Size} (root {RootBase64})";
}
