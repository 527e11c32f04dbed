using Vigie.Core.Risk;

namespace Vigie.Server.Features.Risk;

/// <summary>A version's scorecard under the framework in force: each category derived, confirmed (or not), and the safeguards.</summary>
public sealed record ScorecardView(
    string System,
    string Version,
    RiskQueries.ProposalRow Framework,
    IReadOnlyList<ScorecardCategory> Categories,
    IReadOnlyList<RiskQueries.SafeguardRow> Safeguards,
    IReadOnlyList<RiskQueries.EvaluationRow> Evaluations)
{
    /// <summary>When a person last confirmed a level (the scorecard's assessment time), if ever.</summary>
    public string? AssessedAt => Categories.Select(c => c.Confirmation?.ConfirmedAt).Where(t => t is not null).Max();

    /// <summary>The AI Safety Level the pre-mitigation levels require (RSP-style frameworks), when every tracked category is known.</summary>
    public int? RequiredAsl
    {
        get
        {
            var f = Framework.Framework;
            if (f.Levels.All(l => l.Asl is null) || Categories.Any(c => c.Category.Tracked && c.Pre is null))
            {
                return null;
            }

            return Categories.Where(c => c.Category.Tracked).Select(c => f.Level(c.Pre!).Asl).Max() ?? f.Levels[0].Asl;
        }
    }
}
