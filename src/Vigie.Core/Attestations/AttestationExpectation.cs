using Vigie.Core.Ledger;

namespace Vigie.Core.Attestations;

/// <summary>
/// What the verifier's caller requires of an attestation beyond its signature and log proof: the
/// weights it is about to use, the system, version and action it is about to take, and how
/// recent the gate's evaluation must be (a policy may have tightened, a waiver expired, since an
/// old allow). Each null is not checked. Without these, an attestation that allowed another action (an internal
/// deployment) or another version with the same weights would verify in any pipeline.
/// </summary>
public sealed record AttestationExpectation(
    string? WeightsSha256 = null, string? System = null, string? Version = null, string? Action = null, DateTimeOffset? CheckedNoEarlierThan = null)
{
    /// <summary>Every requirement the statement does not meet, as sentences.</summary>
    public IEnumerable<string> Mismatches(ReleaseStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (WeightsSha256 is not null && !string.Equals(WeightsSha256, statement.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"the subject is weights {statement.WeightsSha256}, not the {WeightsSha256} you hold.";
        }

        if (System is not null && System != statement.System)
        {
            yield return $"the attestation is about system '{statement.System}', not '{System}'.";
        }

        if (Version is not null && Version != statement.Version)
        {
            yield return $"the attestation is about version '{statement.Version}', not '{Version}'.";
        }

        if (Action is not null && Action != statement.Action)
        {
            yield return $"the gate allowed '{statement.Action}', not '{Action}'.";
        }

        if (CheckedNoEarlierThan is { } oldest && (!LedgerTime.TryParse(statement.CheckedAt, out var checkedAt) || checkedAt < oldest))
        {
            yield return $"the gate allowed this at {statement.CheckedAt}, before {LedgerTime.Format(oldest)}, the oldest evaluation you accept.";
        }
    }
}
