namespace Vigie.Core.Governance;

public sealed record RecuseFromDecision(long Entry, string Actor, IReadOnlyCollection<string> Roles, string Person, string Reason) : IDecisionEvent;
