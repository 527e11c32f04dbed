using Vigie.Server.Features.Portal;

namespace Vigie.Server.Features.Reports;

/// <summary>What to generate: the kind, about which system and version (for the per-model documents), over which period.</summary>
public sealed record ReportRequest(string Kind, string? System, string? Version, StatisticsPeriod Period);
