namespace Vigie.Core.Governance;

public sealed record ChangeEvidence(long Entry, string OldDigest, string NewDigest) : IDecisionEvent;
