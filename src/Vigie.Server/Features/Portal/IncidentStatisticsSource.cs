using Vigie.Core.Concerns;
using Vigie.Server.Features.Incidents;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// The incident register's public figures: incidents recorded, by category, resolved, and reports
/// sent to an authority. Incident records are never public (internal or confidential entries), so
/// the figures are counts only. The totals name their entries — the portal already lists each
/// withheld entry with its kind, so they reveal nothing more — but the counts by category name a
/// source instead: linking one withheld entry to its category would say what that incident was.
/// </summary>
public sealed class IncidentStatisticsSource(IncidentQueries incidents) : IGovernanceStatisticsSource
{
    private const string Source = "Counted by the incident register from its entries, which are withheld: the category of each stays unlinked.";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [IncidentNames.Name(IncidentCategory.Death)] = "Death of a person",
        [IncidentNames.Name(IncidentCategory.CriticalInfrastructure)] = "Disruption of critical infrastructure",
        [IncidentNames.Name(IncidentCategory.WidespreadInfringement)] = "Widespread infringement (e.g. of fundamental rights)",
        [IncidentNames.Name(IncidentCategory.Cybersecurity)] = "Serious cybersecurity breach, weights exfiltration included",
        [IncidentNames.Name(IncidentCategory.OtherSeriousHarm)] = "Other serious harm",
        [IncidentNames.Name(IncidentCategory.NearMiss)] = "Near miss (nothing happened, but could have)",
    };

    public async Task<StatisticsGroup> StatisticsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var all = await incidents.ListAsync(status: null, system: null, limit: 1_000_000, cancellationToken);
        var recorded = all.Where(i => period.Contains(i.OpenedAt)).OrderBy(i => i.LogIndex).ToList();
        var resolved = all.Where(i => i.ResolvedAt is not null && period.Contains(i.ResolvedAt)).ToList();
        var submissions = (await incidents.SubmissionsAsync(null, cancellationToken)).Where(s => period.Contains(s.RecordedAt)).OrderBy(s => s.LogIndex).ToList();
        // The first four are the overview's (the home page shows four per group); the categories follow.
        var figures = new List<Statistic>
        {
            new("recorded", "Incidents recorded", recorded.Count, recorded.Select(i => i.LogIndex).ToList()),
            new("open", "Still open", all.Count(i => i.IsOpen && period.Contains(i.OpenedAt)), [], Source: Source),
            new("resolved", "Incidents resolved", resolved.Count, [], Source: Source),
            new("reports-sent", "Reports sent to an authority", submissions.Count, submissions.Select(s => s.LogIndex).ToList()),
        };
        figures.AddRange(IncidentNames.CategoryNames.Select(c => new Statistic(
            "category-" + c, "of which: " + Labels[c], recorded.Count(i => i.Category == c), [], Source: Source)));
        return new StatisticsGroup("incidents", "Incidents", figures,
            "Incidents by category (issue 7's register; categories as the reporting regimes tell them apart). Counts only: what happened stays in the withheld entries.");
    }
}
