namespace Vigie.Core.Risk;

/// <summary>
/// A capability-risk framework (issue 5): levels, categories and the thresholds that map
/// evaluation results to levels, the safety margin, what a missing evaluation counts as, the
/// evaluation cadence, the forecast horizon and the risk-register matrix. <see cref="Digest"/> is
/// SHA-256 of the exact YAML it was read from, which the ledger records.
/// </summary>
public sealed record Framework(
    string Name,
    int Version,
    string Title,
    string? Description,
    string? Source,
    string Digest,
    IReadOnlyList<FrameworkLevel> Levels,
    IReadOnlyList<RiskCategory> Categories,
    MissingEvaluationRule Missing,
    EvaluationCadence Cadence,
    ForecastSettings Forecast,
    RiskMatrix Matrix)
{
    /// <summary>How the dossier names it: "name@version".</summary>
    public string Ref => $"{Name}@{Version}";

    public FrameworkLevel Level(string id) => Levels.First(l => l.Id == id);

    public int Rank(string levelId) => Levels.ToList().FindIndex(l => l.Id == levelId);

    public RiskCategory? Category(string id) => Categories.FirstOrDefault(c => c.Id == id);
}
