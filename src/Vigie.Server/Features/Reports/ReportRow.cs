namespace Vigie.Server.Features.Reports;

public sealed record ReportRow(IReadOnlyList<string> Cells, IReadOnlyList<long> Entries);
