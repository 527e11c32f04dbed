using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Counts derived from the projection (itself derived from the log), never entered by hand: the
/// public statistics, and the quarterly digest for the board, which leaves out every concern
/// about a role the reader holds (a board member never sees counts of concerns about the board).
/// </summary>
public sealed class ConcernStatistics(ConcernQueries queries, ConcernClockCheck clocks, TimeProvider time)
{
    public async Task<object> PublicAsync(CancellationToken cancellationToken)
    {
        var concerns = await queries.AllAsync(openOnly: false, cancellationToken);
        return await SummaryAsync(concerns, cancellationToken);
    }

    public async Task<object> DigestAsync(string quarter, DateOnly first, DateOnly last, IReadOnlyList<string> readerRoles, CancellationToken cancellationToken)
    {
        var concerns = (await queries.AllAsync(openOnly: false, cancellationToken))
            .Where(c => ConcernNames.ParseDay(c.ReceivedOn) is var day && day >= first && day <= last)
            .Where(c => !c.AboutList.Any(role => readerRoles.Contains(role, StringComparer.Ordinal)))
            .ToList();
        return new
        {
            quarter,
            from = ConcernNames.Day(first),
            to = ConcernNames.Day(last),
            note = "Concerns about a role you hold are left out of this digest.",
            summary = await SummaryAsync(concerns, cancellationToken),
            categories = concerns.GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    private async Task<object> SummaryAsync(IReadOnlyList<ConcernQueries.ConcernRow> concerns, CancellationToken cancellationToken)
    {
        var zone = await clocks.ZoneAsync(cancellationToken);
        var now = time.GetUtcNow();
        var escalations = await queries.EscalationCountsAsync(cancellationToken);
        var statuses = concerns.Select(c => ConcernClockView.Of(c, zone, now)).ToList();
        int Count(string obligation, DeadlineStatus status) =>
            statuses.Count(s => s.Any(v => v.Deadline.Obligation == obligation && v.Status == status));
        return new
        {
            received = concerns.Count,
            open = concerns.Count(c => c.ClosedOn is null),
            acknowledgement = new
            {
                onTime = Count(ConcernClocks.AcknowledgementObligation, DeadlineStatus.MetOnTime),
                late = Count(ConcernClocks.AcknowledgementObligation, DeadlineStatus.MetLate),
                overdue = Count(ConcernClocks.AcknowledgementObligation, DeadlineStatus.Overdue),
            },
            feedback = new
            {
                onTime = Count(ConcernClocks.FeedbackObligation, DeadlineStatus.MetOnTime),
                late = Count(ConcernClocks.FeedbackObligation, DeadlineStatus.MetLate),
                overdue = Count(ConcernClocks.FeedbackObligation, DeadlineStatus.Overdue),
            },
            statusUpdatesOverdue = Count(ConcernClocks.StatusUpdateObligation, DeadlineStatus.Overdue),
            escalated = concerns.Count(c => escalations.ContainsKey(c.Id)),
            missedClocks = concerns.Sum(c => escalations.GetValueOrDefault(c.Id)),
            closedByOutcome = ConcernNames.Outcomes.ToDictionary(o => o, o => concerns.Count(c => c.Outcome == o)),
        };
    }
}
