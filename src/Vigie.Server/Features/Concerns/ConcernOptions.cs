namespace Vigie.Server.Features.Concerns;

/// <summary>Settings of the concern channel, bound from "Vigie:Concerns" (environment Vigie__Concerns__...).</summary>
public sealed class ConcernOptions
{
    /// <summary>Size of the one, global bucket for new concerns (no per-client buckets: they would need identifiers).</summary>
    public int SubmissionBurst { get; set; } = 20;

    /// <summary>New concerns the bucket admits per hour once the burst is spent.</summary>
    public int SubmissionsPerHour { get; set; } = 120;

    /// <summary>Size of the global bucket for receipt checks (status, answers), each costing an Argon2id hash.</summary>
    public int ReceiptCheckBurst { get; set; } = 30;

    public int ReceiptChecksPerMinute { get; set; } = 60;

    /// <summary>How often (minutes) the legal clocks of open concerns are checked for escalation; 0 turns the background check off.</summary>
    public int ClockCheckMinutes { get; set; } = 60;

    /// <summary>
    /// Hold each new concern and append it at a random instant of the next day (UTC), so its place
    /// in the log does not date the filing (ADR 0005 addendum). Off: appended when filed.
    /// </summary>
    public bool BatchFilings { get; set; } = true;

    /// <summary>How often (minutes) held filings whose instant has come are appended.</summary>
    public int BatchCheckMinutes { get; set; } = 5;
}
