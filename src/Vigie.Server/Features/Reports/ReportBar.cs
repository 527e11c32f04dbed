namespace Vigie.Server.Features.Reports;

public sealed record ReportBar(string Label, double Value, IReadOnlyList<long> Entries);
