namespace Vigie.Core.Governance;

public sealed record DissentFromDecision(long Entry, string Actor, string? Statement, string? ConfidentialReason) : IDecisionEvent;
