using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>One legal deadline of an incident under one regime, where it stands, and the submission that met it (if any).</summary>
public sealed record IncidentDeadline(
    string Incident, IncidentRegime Regime, Deadline Deadline, DeadlineStatus Status, IncidentQueries.SubmissionRow? MetBy)
{
    public static string StatusName(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Due => "due",
        DeadlineStatus.MetOnTime => "met-on-time",
        DeadlineStatus.MetLate => "met-late",
        _ => "overdue",
    };

    public bool IsPending => Status is DeadlineStatus.Due or DeadlineStatus.Overdue;

    public object ToJson() => new
    {
        incident = Incident,
        regime = IncidentNames.Name(Regime),
        obligation = Deadline.Obligation,
        description = Deadline.Description,
        legalBasis = Deadline.LegalBasis,
        dueDate = Deadline.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        dueTime = Deadline.DueTime is { } t ? IncidentTimes.Format(t) : null,
        due = Deadline.DueText,
        cutoff = IncidentTimes.Format(Deadline.Cutoff),
        precision = Deadline.Precision == DeadlinePrecision.Hour ? "hour" : "day",
        zone = Deadline.Zone.Id,
        status = StatusName(Status),
        metAt = MetBy?.SubmittedAt,
        metBy = MetBy?.LogIndex,
    };
}
