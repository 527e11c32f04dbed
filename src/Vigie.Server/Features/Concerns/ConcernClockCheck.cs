using Vigie.Core.Concerns;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// Finds the legal clocks of open concerns that ran out unmet and escalates each once: a public
/// <c>concern.escalated/v1</c> entry naming the next tier that has someone in it, which from then
/// on may read the concern (it was sealed to them at filing). Run by
/// <see cref="ConcernClockService"/> on the injected clock, and callable directly.
/// </summary>
public sealed class ConcernClockCheck(ConcernQueries queries, Ledger.Ledger ledger, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(cancellationToken);
        var now = time.GetUtcNow();
        var escalated = 0;
        foreach (var concern in await queries.AllAsync(openOnly: true, cancellationToken))
        {
            var events = await queries.EventsAsync(concern.Id, cancellationToken);
            var done = events.Where(e => e.Step == ConcernNames.StepEscalated).Select(e => (e.Obligation, e.DueDate)).ToHashSet();
            var tiers = (await queries.RecipientsAsync(concern.Id, cancellationToken)).Select(r => (int)r.Tier).ToHashSet();
            var level = (int)concern.Level;
            foreach (var missed in Missed(concern, zone, now))
            {
                var due = ConcernNames.Day(missed.DueDate);
                if (done.Contains((missed.Obligation, due)))
                {
                    continue;
                }

                var next = tiers.Where(t => t > level).DefaultIfEmpty(level).Min();
                var fact = new ConcernEntries.FactBody(concern.Id, ConcernNames.Day(zone.DateOf(now)),
                    Obligation: missed.Obligation, DueDate: due, Tier: ConcernRouting.TierName(concern.TierList, next), Level: next);
                var result = await ledger.AppendAsync(
                    new LedgerWrite(ConcernEntries.Escalated, null, Visibility.Public, BodyJson.ToElement(fact)) { DayPrecisionTime = true },
                    cancellationToken);
                if (result.Succeeded)
                {
                    escalated++;
                    level = next;
                }
            }
        }

        return escalated;
    }

    /// <summary>The organisation's zone for counting days: the routing setting, else UTC.</summary>
    public async Task<ClockZone> ZoneAsync(CancellationToken cancellationToken) =>
        (await queries.RoutingAsync(cancellationToken)) is { } routing && ClockZone.TryParse(routing.Zone, out var zone, out _) ? zone : ClockZone.Utc;

    /// <summary>Every deadline of the concern that passed unmet, oldest first; one per missed month for status updates.</summary>
    public static IEnumerable<Deadline> Missed(ConcernQueries.ConcernRow concern, ClockZone zone, DateTimeOffset now)
    {
        var received = ConcernClockView.At(concern.ReceivedOn, zone)!.Value;
        var acknowledged = ConcernClockView.At(concern.AcknowledgedOn, zone);
        var acknowledgement = ConcernClocks.AcknowledgementDue(received, zone);
        if (acknowledgement.StatusAt(acknowledged, now) == DeadlineStatus.Overdue)
        {
            yield return acknowledgement;
        }

        var feedback = ConcernClocks.FeedbackDue(received, acknowledged, zone);
        if (feedback.StatusAt(ConcernClockView.At(concern.FeedbackOn, zone), now) == DeadlineStatus.Overdue)
        {
            yield return feedback;
        }

        // A missed monthly update leaves the next one due a month later, not never.
        var update = ConcernClocks.NextStatusUpdateDue(received, ConcernClockView.At(concern.LastUpdateOn, zone), zone);
        while (update.StatusAt(null, now) == DeadlineStatus.Overdue)
        {
            yield return update;
            update = ConcernClocks.NextStatusUpdateDue(received, zone.StartOfDay(update.DueDate), zone);
        }
    }
}
