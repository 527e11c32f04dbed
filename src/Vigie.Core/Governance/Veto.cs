namespace Vigie.Core.Governance;

/// <summary>A veto by a holder of a veto role: the decision is rejected whatever the stages said.</summary>
public sealed record Veto(long Entry, string By, string Reason, DateTimeOffset At);
