namespace Vigie.Core.Attestations;

/// <summary>The outcome of checking an attestation bundle: what it states, and every problem found (verified when none).</summary>
public sealed record AttestationCheck(ReleaseStatement? Statement, long CheckpointSize, IReadOnlyList<string> Problems)
{
    public bool Verified => Statement is not null && Problems.Count == 0;
}
