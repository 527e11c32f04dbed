namespace Vigie.Core.Governance;

/// <summary>The evidence a decision is bound to changed from one snapshot digest to another.</summary>
public sealed record EvidenceChange(long Entry, string OldDigest, string NewDigest, DateTimeOffset At);
