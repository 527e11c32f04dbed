namespace Vigie.Core.Governance;

public sealed record CloseDecision(long Entry, DecisionStatus Outcome) : IDecisionEvent;
