using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// An incident's deadlines under each applicable regime (IncidentClocks), judged against the
/// submissions recorded for it: an obligation is met by the first report recorded under its
/// code at or after its period started. The Code of Practice's next update runs from the latest
/// report under the regime, so it is always still to come. Pure: the caller passes the time.
/// </summary>
public static class IncidentDeadlines
{
    /// <summary>The Code of Practice's periodic update (IncidentClocks' obligation code): always the next one.</summary>
    public const string CopUpdate = "gpai-cop/update";

    public static IncidentFacts Facts(IncidentRecord incident, bool includeResolution = true)
    {
        IncidentNames.TryParseCategory(incident.Fields.Category, out var category, out _);
        return new IncidentFacts(
            IncidentTimes.Parse(incident.DiscoveredAt), category, incident.Fields.ImminentDanger == true,
            includeResolution && incident.ResolvedAt is { } resolved ? IncidentTimes.Parse(resolved) : null);
    }

    public static IReadOnlyList<IncidentDeadline> For(
        string id, IncidentRecord incident, IReadOnlyList<ApplicableRegime> regimes, IReadOnlyList<IncidentQueries.SubmissionRow> submissions,
        ClockZone zone, DateTimeOffset now)
    {
        var facts = Facts(incident);
        var result = new List<IncidentDeadline>();
        foreach (var regime in regimes)
        {
            var mine = Under(submissions, regime.Regime);
            var last = mine.Count == 0 ? (DateTimeOffset?)null : mine[^1].SubmittedInstant;
            foreach (var deadline in IncidentClocks.For(facts, regime.Regime, zone, last))
            {
                var met = deadline.Obligation == CopUpdate
                    ? null
                    : mine.FirstOrDefault(s => s.Obligation == deadline.Obligation && s.SubmittedInstant >= deadline.Start);
                result.Add(new IncidentDeadline(id, regime.Regime, deadline, deadline.StatusAt(met?.SubmittedInstant, now), met));
            }
        }

        return [.. result.OrderBy(d => d.Deadline.Cutoff).ThenBy(d => d.Deadline.Obligation, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether a submission was on time for the deadline it answered, as the clocks stood when it
    /// was sent (the regime's previous report, the resolution if it came before); null when its
    /// obligation had no running deadline then.
    /// </summary>
    public static bool? WasOnTime(IncidentRecord incident, IncidentQueries.SubmissionRow submission, IReadOnlyList<IncidentQueries.SubmissionRow> submissions, ClockZone zone)
    {
        if (!IncidentNames.TryParseRegime(submission.Regime, out var regime, out _))
        {
            return null;
        }

        var at = submission.SubmittedInstant;
        var previous = Under(submissions, regime).LastOrDefault(s => s.LogIndex != submission.LogIndex && s.SubmittedInstant <= at);
        var facts = Facts(incident);
        if (facts.ResolvedAt > at)
        {
            facts = facts with { ResolvedAt = null };
        }

        var deadline = IncidentClocks.For(facts, regime, zone, previous?.SubmittedInstant)
            .FirstOrDefault(d => d.Obligation == submission.Obligation);
        return deadline?.IsOnTime(at);
    }

    private static List<IncidentQueries.SubmissionRow> Under(IReadOnlyList<IncidentQueries.SubmissionRow> submissions, IncidentRegime regime)
    {
        var name = IncidentNames.Name(regime);
        return [.. submissions.Where(s => s.Regime == name).OrderBy(s => s.SubmittedInstant).ThenBy(s => s.LogIndex)];
    }
}
