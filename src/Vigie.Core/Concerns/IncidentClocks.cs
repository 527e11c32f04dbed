namespace Vigie.Core.Concerns;

/// <summary>
/// Incident reporting deadlines per regime, each with its legal basis. Pure functions: the
/// caller passes the facts, the organisation's zone and the time of the last report sent under
/// the regime, and judges status with <see cref="Deadline.StatusAt"/>. A near miss has no
/// reporting deadline under any of these regimes (it is still registered).
/// </summary>
public static class IncidentClocks
{
    /// <summary>
    /// The deadlines currently running for <paramref name="incident"/> under <paramref name="regime"/>,
    /// soonest first: the initial report(s), and for the Code of Practice either the next update
    /// (4 weeks after <paramref name="lastReportAt"/>, while unresolved) or the final report
    /// (60 days after resolution).
    /// </summary>
    /// <param name="lastReportAt">When the latest report under this regime was sent (initial or update); null if none yet.</param>
    public static IReadOnlyList<Deadline> For(IncidentFacts incident, IncidentRegime regime, ClockZone zone, DateTimeOffset? lastReportAt = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(zone);
        if (incident.Category == IncidentCategory.NearMiss)
        {
            return [];
        }

        var deadlines = InitialRules(incident, regime).Select(rule => rule.From(incident.DiscoveredAt, zone)).ToList();
        if (regime == IncidentRegime.GpaiCodeOfPractice)
        {
            if (incident.ResolvedAt is { } resolved)
            {
                deadlines.Add(IncidentRules.CopFinal.From(resolved, zone));
            }
            else if (lastReportAt is { } last)
            {
                deadlines.Add(IncidentRules.CopUpdate.From(last, zone));
            }
        }

        return [.. deadlines.OrderBy(d => d.Cutoff)];
    }

    private static IEnumerable<DeadlineRule> InitialRules(IncidentFacts incident, IncidentRegime regime) => regime switch
    {
        // SB 53 keeps the 15-day report to OES and adds the 24-hour disclosure to an authority.
        IncidentRegime.Sb53 when incident.ImminentDanger => [IncidentRules.Sb53Report, IncidentRules.Sb53Imminent],
        IncidentRegime.Sb53 => [IncidentRules.Sb53Report],

        // RAISE shortens its one report to the state.
        IncidentRegime.Raise => [incident.ImminentDanger ? IncidentRules.RaiseImminent : IncidentRules.RaiseReport],

        IncidentRegime.EuAiActArt73 => [incident.Category switch
        {
            IncidentCategory.Death => IncidentRules.AiActDeath,
            IncidentCategory.CriticalInfrastructure or IncidentCategory.WidespreadInfringement => IncidentRules.AiActWidespread,
            _ => IncidentRules.AiActReport,
        }],

        IncidentRegime.GpaiCodeOfPractice => [incident.Category switch
        {
            IncidentCategory.CriticalInfrastructure => IncidentRules.CopCriticalInfrastructure,
            IncidentCategory.Cybersecurity => IncidentRules.CopCybersecurity,
            IncidentCategory.Death => IncidentRules.CopDeath,
            _ => IncidentRules.CopInitial,
        }],

        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "Unknown incident regime."),
    };
}
