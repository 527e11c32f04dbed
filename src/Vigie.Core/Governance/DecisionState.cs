namespace Vigie.Core.Governance;

/// <summary>
/// Everything a decision is, as the state machine sees it. Immutable: every step returns a new
/// state (<see cref="DecisionMachine"/>). <see cref="CharterDigest"/> names the charter it is
/// taken under (the one in force when it opened); <see cref="SnapshotDigest"/> the evidence it
/// currently binds to.
/// </summary>
public sealed record DecisionState(
    string Id,
    string Type,
    string? System,
    string? Version,
    string Title,
    string CharterDigest,
    string? ProposedCharterDigest,
    long OpenedEntry,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string SnapshotDigest,
    IReadOnlyList<SignOff> SignOffs,
    IReadOnlyList<Recusal> Recusals,
    IReadOnlyList<Dissent> Dissents,
    IReadOnlyList<EvidenceChange> EvidenceChanges,
    Veto? Veto = null,
    DecisionStatus Status = DecisionStatus.Open,
    DateTimeOffset? ClosedAt = null,
    long? ClosedEntry = null,
    Reversal? Reversal = null)
{
    public bool IsOpen => Status == DecisionStatus.Open;

    public Recusal? RecusalOf(string person) => Recusals.FirstOrDefault(r => r.Person == person);

    public SignOff? CountingSignOffBy(string person) => SignOffs.FirstOrDefault(s => s.Signer == person && s.Counts);
}
