namespace Vigie.Core.Governance;

public sealed record OpenDecision(
    string Id, long Entry, string Actor, string Type, string? System, string? Version, string Title,
    string SnapshotDigest, string? ProposedCharterDigest) : IDecisionEvent;
