namespace Vigie.Core.Governance;

/// <summary>A person who may not sign, veto or reverse this decision, who recused them, and why.</summary>
public sealed record Recusal(long Entry, string Person, string By, string Reason, DateTimeOffset At);
