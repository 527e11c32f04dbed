using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>The JSON the API answers with (docs/api.md "Incidents").</summary>
public static class IncidentViews
{
    /// <summary>What lists show; a dictionary so that <see cref="Detail"/> extends it (members keep this order).</summary>
    public static Dictionary<string, object?> Summary(IncidentReads.Loaded incident)
    {
        var row = incident.Row;
        return new Dictionary<string, object?>
        {
            ["id"] = row.Id,
            ["index"] = row.LogIndex,
            ["title"] = row.Title,
            ["status"] = row.Status,
            ["severity"] = row.Severity,
            ["category"] = row.Category,
            ["system"] = row.System,
            ["version"] = row.Version,
            ["imminentDanger"] = row.ImminentDanger != 0,
            ["discovered"] = incident.Record.Fields.Discovered,
            ["discoveredAt"] = row.DiscoveredAt,
            ["resolvedAt"] = row.ResolvedAt,
            ["visibility"] = row.Visibility,
            ["openedAt"] = row.OpenedAt,
            ["openedBy"] = row.OpenedBy,
            ["updatedAt"] = row.UpdatedAt,
            ["regimes"] = incident.Regimes.Select(r => r.Name).ToList(),
            ["next"] = incident.Next?.ToJson(),
            ["overdue"] = incident.Overdue,
        };
    }

    public static Dictionary<string, object?> Detail(
        IncidentReads.Loaded incident, IReadOnlyList<IncidentQueries.EventRow> history, IReadOnlyList<IncidentQueries.ExpiryRow> expiries, ClockZone zone)
    {
        var f = incident.Record.Fields;
        var detail = Summary(incident);
        detail["regimes"] = incident.Regimes.Select(r => r.ToJson()).ToList();
        detail["fields"] = new
        {
            title = f.Title, discovered = f.Discovered, system = f.System, version = f.Version, category = f.Category, severity = f.Severity,
            imminentDanger = f.ImminentDanger, internalUse = f.InternalUse, regimes = f.Regimes, occurredOn = f.OccurredOn, endedOn = f.EndedOn,
            description = f.Description, harm = f.Harm, affected = f.Affected, peopleAffected = f.PeopleAffected, chainOfEvents = f.ChainOfEvents,
            response = f.Response, recommendations = f.Recommendations, rootCause = f.RootCause, whyReportable = f.WhyReportable,
            resolution = incident.Record.Resolution,
        };
        detail["zone"] = zone.Id;
        detail["deadlines"] = incident.Deadlines.Select(d => d.ToJson()).ToList();
        detail["submissions"] = incident.Submissions.Select(s => Submission(s, IncidentDeadlines.WasOnTime(incident.Record, s, incident.Submissions, zone))).ToList();
        detail["history"] = history.Select(e => new { index = e.LogIndex, change = e.Kind, at = e.At, by = e.Actor, fields = e.ChangedList, note = e.Note }).ToList();
        detail["expiries"] = expiries.Select(Expiry).ToList();
        return detail;
    }

    public static object Submission(IncidentQueries.SubmissionRow s, bool? onTime) => new
    {
        index = s.LogIndex,
        incident = IncidentIds.Format(s.Incident),
        regime = s.Regime,
        obligation = s.Obligation,
        submittedAt = s.SubmittedAt,
        onTime,
        reference = s.Reference,
        recipient = s.Recipient,
        note = s.Note,
        reportSha256 = s.ReportSha256,
        recordedAt = s.RecordedAt,
        recordedBy = s.RecordedBy,
    };

    /// <summary>A report sent, with the draft as it stood and the text sent (documentation).</summary>
    public static object Documentation(IncidentQueries.SubmissionRow s) => new
    {
        submission = Submission(s, null),
        visibility = s.Visibility,
        report = System.Text.Json.JsonDocument.Parse(s.Report).RootElement,
        sentText = s.SentText,
    };

    public static object Expiry(IncidentQueries.ExpiryRow e) => new
    {
        index = e.LogIndex,
        incident = IncidentIds.Format(e.Incident),
        part = e.Part,
        expiredOn = e.ExpiredOn,
        erased = e.Erased.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => long.Parse(i, System.Globalization.CultureInfo.InvariantCulture)),
        rule = e.Rule,
    };
}
