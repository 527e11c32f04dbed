namespace Vigie.Core.Governance;

public sealed record ReverseDecision(long Entry, string Actor, IReadOnlyCollection<string> Roles, string Reason) : IDecisionEvent;
