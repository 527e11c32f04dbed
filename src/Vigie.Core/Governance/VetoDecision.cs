namespace Vigie.Core.Governance;

public sealed record VetoDecision(long Entry, string Actor, IReadOnlyCollection<string> Roles, string Reason) : IDecisionEvent;
