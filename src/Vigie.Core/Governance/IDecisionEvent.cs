namespace Vigie.Core.Governance;

/// <summary>
/// The steps of a decision. Each names the log entry that records it (<c>Entry</c>; -1 when a
/// server checks a step before appending it) and who takes it; roles are those the person held
/// when they took it, as recorded in the entry, so replaying the log reaches the same verdicts.
/// </summary>
public interface IDecisionEvent
{
    long Entry { get; }
}
