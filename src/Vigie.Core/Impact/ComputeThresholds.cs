namespace Vigie.Core.Impact;

/// <summary>The compute thresholds of REGULATIONS.md. Both laws say "greater than", so exactly 10^25 does not cross.</summary>
public static class ComputeThresholds
{
    public static readonly ComputeThreshold EuSystemicRisk = new(
        "eu-ai-act-systemic-risk", 1e25, "EU AI Act: general-purpose AI model with systemic risk (presumed)",
        "Regulation (EU) 2024/1689, Art. 51(2): high-impact capabilities are presumed when the cumulative training compute is greater than 10^25 FLOP; Art. 52(1): notify the Commission within 2 weeks");

    public static readonly ComputeThreshold Sb53Frontier = new(
        "sb53-frontier-model", 1e26, "California SB 53: frontier model",
        "California Business and Professions Code §22757.10 ff. (SB 53), definition of frontier model: a foundation model is trained with more than 10^26 integer or floating-point operations, counting the original training and later fine-tuning, reinforcement learning or other modification");

    public static readonly ComputeThreshold RaiseFrontier = new(
        "raise-frontier-model", 1e26, "New York RAISE Act: frontier model",
        "New York General Business Law Art. 44-B (RAISE Act): frontier model thresholds follow SB 53 (more than 10^26 operations)");

    public static IReadOnlyList<ComputeThreshold> All { get; } = [EuSystemicRisk, Sb53Frontier, RaiseFrontier];

    public static IReadOnlyList<ComputeThreshold> CrossedBy(double flop) => [.. All.Where(t => t.IsCrossedBy(flop))];
}
