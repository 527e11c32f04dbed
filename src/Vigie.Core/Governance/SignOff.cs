namespace Vigie.Core.Governance;

/// <summary>
/// One signer's verdict at one stage, bound to the evidence snapshot digest they were shown.
/// <see cref="Entry"/> is the log entry that recorded it.
/// </summary>
public sealed record SignOff(
    long Entry,
    string Signer,
    string Stage,
    Verdict Verdict,
    string? Conditions,
    string? Comment,
    string? Justification,
    string SnapshotDigest,
    DateTimeOffset At,
    SignOffStatus Status = SignOffStatus.Counting,
    string? StatusReason = null)
{
    public bool Counts => Status == SignOffStatus.Counting;

    public bool Approves => Verdict != Verdict.Reject;
}
