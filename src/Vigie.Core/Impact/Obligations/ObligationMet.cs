namespace Vigie.Core.Impact.Obligations;

/// <summary>A ledger entry saying an obligation was met: when it was recorded, its reference (e.g. the notification's number) and the entry.</summary>
public sealed record ObligationMet(string Obligation, DateTimeOffset At, string Reference, string? Note, long LogIndex, string By);
