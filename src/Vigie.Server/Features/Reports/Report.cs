namespace Vigie.Server.Features.Reports;

/// <summary>
/// A generated document: every figure in it comes from the ledger and carries the log entries it
/// rests on, and it names the checkpoint it was generated against, so a reader can prove each
/// figure with nothing but the log's public key.
/// </summary>
public sealed record Report(
    string Kind, string Title, string Subject, string Period, ReportCheckpoint Checkpoint, string GeneratedAt, IReadOnlyList<ReportSection> Sections);
