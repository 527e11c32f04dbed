namespace Vigie.Core.Governance;

public sealed record SignDecision(
    long Entry, string Actor, IReadOnlyCollection<string> Roles, Verdict Verdict, string? Conditions, string? Comment,
    string? Justification, string SnapshotDigest, string? Stage = null) : IDecisionEvent;
