using System.Text.Json.Nodes;
using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// A report draft for one regime and obligation: every field the regime's report asks for with
/// the register's value, the required ones still missing, the deadline with its legal basis,
/// and for an update the changes since the last report. JSON format
/// <c>vigie-incident-report-draft/v1</c>; <see cref="IncidentReportMarkdown"/> renders it.
/// </summary>
public static class IncidentReportDraft
{
    public const string Format = "vigie-incident-report-draft/v1";

    public static JsonObject Build(
        IncidentQueries.IncidentRow row, IncidentRecord record, IncidentDeadline deadline,
        IReadOnlyList<IncidentQueries.EventRow> history, IReadOnlyList<IncidentQueries.SubmissionRow> submissions, DateTimeOffset now)
    {
        var regime = deadline.Regime;
        var kind = IncidentReportForms.KindOf(deadline.Deadline.Obligation);
        var fields = new JsonArray();
        var missing = new JsonArray();
        foreach (var field in IncidentReportForms.For(regime, kind))
        {
            var value = field.Value(record);
            fields.Add(new JsonObject
            {
                ["key"] = field.Key,
                ["label"] = field.Label,
                ["required"] = field.Required,
                ["value"] = value,
            });
            if (field.Required && value is null)
            {
                missing.Add(field.Key);
            }
        }

        var name = IncidentNames.Name(regime);
        var earlier = submissions.Where(s => s.Regime == name).OrderBy(s => s.SubmittedInstant).ToList();
        var draft = new JsonObject
        {
            ["format"] = Format,
            ["incident"] = row.Id,
            ["title"] = row.Title,
            ["regime"] = name,
            ["regimeTitle"] = IncidentVocabulary.RegimeTitle(regime),
            ["report"] = kind,
            ["obligation"] = deadline.Deadline.Obligation,
            ["recipient"] = IncidentReportForms.Recipient(deadline.Deadline.Obligation),
            ["what"] = deadline.Deadline.Description,
            ["legalBasis"] = deadline.Deadline.LegalBasis,
            ["due"] = deadline.Deadline.DueText,
            ["dueStatus"] = IncidentDeadline.StatusName(deadline.Status),
            ["category"] = record.Fields.Category,
            ["severity"] = record.Fields.Severity,
            ["status"] = record.Status,
            ["generatedAt"] = IncidentTimes.Format(now),
            ["fields"] = fields,
            ["missing"] = missing,
            ["previousReports"] = new JsonArray([.. earlier.Select(s => (JsonNode)new JsonObject
            {
                ["obligation"] = s.Obligation,
                ["submittedAt"] = s.SubmittedAt,
                ["reference"] = s.Reference,
            })]),
        };
        if (kind == IncidentReportForms.Update)
        {
            var since = earlier.Count == 0 ? (DateTimeOffset?)null : earlier[^1].SubmittedInstant;
            draft["changesSinceLastReport"] = new JsonArray([.. history
                .Where(e => since is null || IncidentTimes.Parse(e.At) > since)
                .Select(e => (JsonNode)new JsonObject
                {
                    ["at"] = e.At,
                    ["change"] = e.Kind,
                    ["fields"] = new JsonArray([.. e.ChangedList.Select(c => (JsonNode)JsonValue.Create(c))]),
                    ["note"] = e.Note,
                })]);
        }

        return draft;
    }
}
