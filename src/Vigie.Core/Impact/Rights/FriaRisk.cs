namespace Vigie.Core.Impact.Rights;

/// <summary>
/// A specific risk of harm to one of the assessment's affected groups (Art. 27(1)(d)): what the
/// harm is, and optionally how likely and how severe the deployer judges it (low, medium, high).
/// </summary>
public sealed record FriaRisk(string Group, string Harm, string? Likelihood, string? Severity)
{
    public static IReadOnlyList<string> Levels { get; } = ["low", "medium", "high"];
}
