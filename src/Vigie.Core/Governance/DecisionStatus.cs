namespace Vigie.Core.Governance;

/// <summary>Where a decision stands. <see cref="Reversed"/>: approved, then reversed in the review window.</summary>
public enum DecisionStatus
{
    Open,
    Approved,
    Rejected,
    Reversed,
}
