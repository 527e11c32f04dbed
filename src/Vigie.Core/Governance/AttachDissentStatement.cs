namespace Vigie.Core.Governance;

/// <summary>The sealed statement of a confidential dissent recorded just before, at <paramref name="DissentEntry"/>.</summary>
public sealed record AttachDissentStatement(long Entry, long DissentEntry, string Actor, string Statement) : IDecisionEvent;
