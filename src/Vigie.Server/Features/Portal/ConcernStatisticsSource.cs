using System.Text.Json;
using Vigie.Server.Features.Concerns;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// The concern channel's public statistics (counts and timeliness, never content). Concerns are
/// counted by the channel from its own entries; the figures name that source rather than the
/// entries, which the channel keeps unlinkable on purpose.
/// </summary>
public sealed class ConcernStatisticsSource(ConcernStatistics statistics) : IGovernanceStatisticsSource
{
    private const string Source = "Counted by the concern channel from its log entries (GET /api/v1/concerns/stats).";

    public async Task<StatisticsGroup> StatisticsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var json = period.From is null && period.To is null
            ? JsonSerializer.SerializeToElement(await statistics.PublicAsync(cancellationToken))
            : JsonSerializer.SerializeToElement(await statistics.DigestAsync("period", period.From ?? DateOnly.MinValue, period.To ?? DateOnly.MaxValue, [], cancellationToken))
                .GetProperty("summary");
        double N(params string[] path) => path.Aggregate(json, (e, p) => e.GetProperty(p)).GetDouble();
        Statistic S(string key, string label, params string[] path) => new(key, label, N(path), [], Source: Source);
        return new StatisticsGroup("concerns", "Concerns raised through the anonymous channel", [
            S("received", "Concerns received", "received"),
            S("open", "Still open", "open"),
            S("ack-on-time", "Acknowledged within 7 days", "acknowledgement", "onTime"),
            S("ack-late", "Acknowledged late", "acknowledgement", "late"),
            S("ack-overdue", "Acknowledgement overdue", "acknowledgement", "overdue"),
            S("feedback-on-time", "Feedback within 3 months", "feedback", "onTime"),
            S("feedback-late", "Feedback late", "feedback", "late"),
            S("feedback-overdue", "Feedback overdue", "feedback", "overdue"),
            S("status-updates-overdue", "Monthly status updates overdue", "statusUpdatesOverdue"),
            S("escalated", "Escalated after a missed deadline", "escalated"),
            S("missed-clocks", "Deadlines missed (each escalation)", "missedClocks"),
            .. ConcernNames.Outcomes.Select(o => S("closed-" + o, "Closed: " + o.Replace('-', ' '), "closedByOutcome", o)),
        ], "Deadlines of Directive (EU) 2019/1937 Art. 9. Counts only: nothing about who raised a concern or what it says.");
    }
}
