namespace Vigie.Core.Risk;

/// <summary>
/// The common risk scale policies read (docs/dossier.md, <c>riskLevel</c>): every framework level
/// says where it stands on it. <see cref="Unknown"/> is what a category is when the evaluations
/// that would decide it are missing: it is never treated as <see cref="Low"/>.
/// </summary>
public static class RiskScale
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> Levels = [Low, Medium, High, Critical];

    public static bool IsLevel(string value) => Levels.Contains(value, StringComparer.Ordinal);
}
