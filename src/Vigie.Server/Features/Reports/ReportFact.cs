namespace Vigie.Server.Features.Reports;

/// <summary>A value with the entries it is read from; <paramref name="Value"/> is null when not recorded.</summary>
public sealed record ReportFact(string Label, string? Value, IReadOnlyList<long> Entries, string? Citation = null);
