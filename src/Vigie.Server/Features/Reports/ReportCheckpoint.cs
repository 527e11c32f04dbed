namespace Vigie.Server.Features.Reports;

/// <summary>The checkpoint a report was generated against: only entries below <see cref="Size"/> are used.</summary>
public sealed record ReportCheckpoint(string Origin, long Size, string RootHash, string VerifierKey, IReadOnlyList<string> Witnesses, string SiteUrl);
