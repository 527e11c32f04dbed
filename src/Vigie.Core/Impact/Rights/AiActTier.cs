namespace Vigie.Core.Impact.Rights;

/// <summary>The risk tiers of Regulation (EU) 2024/1689, and "outside scope" when the system does not reach the EU.</summary>
public static class AiActTier
{
    public const string OutsideScope = "outside-scope";
    public const string Prohibited = "prohibited";
    public const string HighRisk = "high-risk";
    public const string Transparency = "transparency";
    public const string Minimal = "minimal";

    public static IReadOnlyList<string> All { get; } = [OutsideScope, Prohibited, HighRisk, Transparency, Minimal];
}
