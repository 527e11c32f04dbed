namespace Vigie.Core.Risk;

/// <summary>A category's derived levels before and after mitigation, with every threshold's finding.</summary>
public sealed record CategoryAssessment(
    RiskCategory Category,
    LevelFinding Pre,
    LevelFinding Post,
    IReadOnlyList<ThresholdFinding> PreFindings,
    IReadOnlyList<ThresholdFinding> PostFindings);
