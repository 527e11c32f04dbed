namespace Vigie.Cli.Verification;

/// <summary>The result of walking the whole log: valid, or the first problem found.</summary>
internal sealed record AuditOutcome(bool Valid, string? Problem, long EntriesChecked, long TilesChecked);
