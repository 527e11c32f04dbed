using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// A concern's legal clocks (ConcernClocks) from its recorded days. Steps are recorded by day
/// only, so a step counts as taken at the start of its day in the organisation's zone; clocks
/// for concerns are day-precision, so that never changes whether it was on time.
/// </summary>
public sealed record ConcernClockView(Deadline Deadline, DeadlineStatus Status)
{
    public static IReadOnlyList<ConcernClockView> Of(ConcernQueries.ConcernRow concern, ClockZone zone, DateTimeOffset now)
    {
        var received = At(concern.ReceivedOn, zone)!.Value;
        var acknowledged = At(concern.AcknowledgedOn, zone);
        var acknowledgement = ConcernClocks.AcknowledgementDue(received, zone);
        var feedback = ConcernClocks.FeedbackDue(received, acknowledged, zone);
        var clocks = new List<ConcernClockView>
        {
            new(acknowledgement, acknowledgement.StatusAt(acknowledged, now)),
            new(feedback, feedback.StatusAt(At(concern.FeedbackOn, zone), now)),
        };
        if (concern.ClosedOn is null)
        {
            var update = ConcernClocks.NextStatusUpdateDue(received, At(concern.LastUpdateOn, zone), zone);
            clocks.Add(new(update, update.StatusAt(null, now)));
        }

        return clocks;
    }

    /// <summary>The start of a recorded day in the zone.</summary>
    public static DateTimeOffset? At(string? day, ClockZone zone) => day is null ? null : zone.StartOfDay(ConcernNames.ParseDay(day));

    public object ToJson() => new
    {
        obligation = Deadline.Obligation,
        description = Deadline.Description,
        legalBasis = Deadline.LegalBasis,
        dueDate = ConcernNames.Day(Deadline.DueDate),
        due = Deadline.DueText,
        status = Status switch
        {
            DeadlineStatus.Due => "due",
            DeadlineStatus.MetOnTime => "met-on-time",
            DeadlineStatus.MetLate => "met-late",
            _ => "overdue",
        },
    };
}
