namespace Vigie.Core.Impact.Rights;

/// <summary>
/// The outcome of the questionnaire: the tier, whether it is (or includes) a general-purpose
/// model and one with systemic risk, the provisions that put it there, and the obligations that
/// follow (each with its article).
/// </summary>
public sealed record AiActClassification(
    string Tier,
    bool GeneralPurpose,
    bool SystemicRisk,
    bool Art6Exempt,
    IReadOnlyList<AiActFinding> Reasons,
    IReadOnlyList<AiActFinding> Obligations)
{
    public bool HasTransparencyDuties => Obligations.Any(o => o.Article.StartsWith("Art. 50", StringComparison.Ordinal));
}
