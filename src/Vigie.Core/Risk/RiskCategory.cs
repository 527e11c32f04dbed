namespace Vigie.Core.Risk;

/// <summary>A risk category and its thresholds. A tracked category gates decisions; a research category is watched.</summary>
public sealed record RiskCategory(string Id, string Name, bool Tracked, string? Description, IReadOnlyList<Threshold> Thresholds);
