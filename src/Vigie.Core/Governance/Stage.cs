namespace Vigie.Core.Governance;

/// <summary>One step of a decision: who signs (a role), how many must agree, and what its outcome does.</summary>
public sealed record Stage(string Name, string Role, Quorum Quorum, StageKind Kind);
