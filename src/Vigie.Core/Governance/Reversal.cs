namespace Vigie.Core.Governance;

/// <summary>An approved decision reversed by its review body within the review window.</summary>
public sealed record Reversal(long Entry, string By, string Reason, DateTimeOffset At);
