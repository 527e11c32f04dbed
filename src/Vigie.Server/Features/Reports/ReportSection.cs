namespace Vigie.Server.Features.Reports;

public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);
