using System.Text;
using System.Text.Json;
using Dapper;
using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The incident tables, derived from incident.* entries. An entry whose body was erased under
/// retention projects nothing. Refuses a change to an incident that does not exist (or whose
/// record expired) and an expiry that does not erase exactly what it should (see
/// <see cref="IncidentExpiryProjection"/>).
/// </summary>
public sealed class IncidentProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } =
    [
        IncidentEntries.Opened, IncidentEntries.Updated, IncidentEntries.Resolved, IncidentEntries.Reopened,
        IncidentEntries.Submitted, IncidentEntries.Expired,
    ];

    public IReadOnlyList<string> Tables { get; } = ["incident_events", "incident_submissions", "incident_expiries", "incidents"];

    public bool MayRefuse => true;

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null; // erased under retention: nothing left to project
        }

        await tx.FlushAsync();
        var at = LedgerTime.Format(record.Envelope.Time);
        var actor = record.Envelope.Actor;
        return record.Envelope.Kind switch
        {
            IncidentEntries.Opened => await OpenedAsync(tx, record, BodyJson.Read<IncidentEntries.OpenedBody>(body), at),
            IncidentEntries.Updated => await ChangeAsync(tx, record.Index, at, actor, BodyJson.Read<IncidentEntries.UpdatedBody>(body)),
            IncidentEntries.Resolved => await ChangeAsync(tx, record.Index, at, actor, BodyJson.Read<IncidentEntries.ResolvedBody>(body)),
            IncidentEntries.Reopened => await ChangeAsync(tx, record.Index, at, actor, BodyJson.Read<IncidentEntries.ReopenedBody>(body)),
            IncidentEntries.Submitted => await SubmittedAsync(tx, record, at, BodyJson.Read<IncidentEntries.SubmittedBody>(body)),
            IncidentEntries.Expired => await IncidentExpiryProjection.ApplyAsync(tx, record.Index, BodyJson.Read<IncidentEntries.ExpiredBody>(body)),
            _ => throw new InvalidOperationException($"IncidentProjection does not read {record.Envelope.Kind}."),
        };
    }

    /// <summary>RFC 8785 text: a body serialized by the feature and the same body replayed give the same row.</summary>
    internal static string Canonical<T>(T value) => Encoding.UTF8.GetString(Jcs.Canonicalize(BodyJson.ToElement(value)));

    private static async Task<string?> OpenedAsync(LedgerTransaction tx, LedgerRecord entry, IncidentEntries.OpenedBody body, string at)
    {
        var state = new IncidentRecord(body.Fields, body.DiscoveredAt, body.Zone, body.Implied, IncidentVocabulary.Open);
        var columns = Columns(state, entry.Index, at, entry.Index);
        columns.Add("visibility", VisibilityNames.Of(entry.Envelope.Visibility));
        columns.Add("actor", entry.Envelope.Actor ?? "");
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO incidents (log_index, title, system, version, category, severity, status, imminent_danger, discovered_at, resolved_at,
                                   visibility, opened_at, opened_by, updated_at, updated_index, record)
            VALUES (@incident, @title, @system, @version, @category, @severity, @status, @imminent, @discoveredAt, @resolvedAt,
                    @visibility, @at, @actor, @at, @index, @record)
            """,
            columns, tx.Transaction);
        return await EventAsync(tx, entry.Index, entry.Index, "opened", at, entry.Envelope.Actor, [], null);
    }

    private static async Task<string?> ChangeAsync(LedgerTransaction tx, long index, string at, string? actor, object change)
    {
        var id = change switch
        {
            IncidentEntries.UpdatedBody u => u.Incident,
            IncidentEntries.ResolvedBody r => r.Incident,
            IncidentEntries.ReopenedBody o => o.Incident,
            _ => throw new ArgumentException("Not an incident change.", nameof(change)),
        };
        if (!IncidentIds.TryParse(id, out var incident))
        {
            return $"'{id}' is not an incident id.";
        }

        if (await ReadAsync(tx, incident) is not { } state)
        {
            // Live, the incident's record expired before this change reached the log: refuse, or its
            // body would outlive the expiry. On a replay the opening's body may have been erased
            // (the expiry comes later in the log): skip, as the children of an erased entry.
            return await tx.Connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM incident_expiries WHERE incident = @incident AND part = 'record'", new { incident }, tx.Transaction) > 0
                ? $"The record of incident {id} expired under retention; it can no longer change."
                : null;
        }

        var (next, kind, changed, note) = change switch
        {
            IncidentEntries.UpdatedBody u => (state with
            {
                Fields = IncidentRecord.Apply(state.Fields, u.Changes),
                DiscoveredAt = u.DiscoveredAt ?? state.DiscoveredAt,
                Implied = u.Implied ?? state.Implied,
            }, "updated", IncidentRecord.Changed(state.Fields, u.Changes), u.Note),
            IncidentEntries.ResolvedBody r => (state with
            {
                Status = IncidentVocabulary.Resolved,
                ResolvedAt = r.ResolvedAt,
                Resolution = r.Resolution ?? state.Resolution,
                Fields = r.RootCause is null ? state.Fields : state.Fields with { RootCause = r.RootCause },
            }, "resolved", Resolved(r), r.Resolution),
            IncidentEntries.ReopenedBody o => (state with { Status = IncidentVocabulary.Open, ResolvedAt = null },
                "reopened", ["status", "resolvedAt"], o.Reason),
            _ => throw new ArgumentException("Not an incident change.", nameof(change)),
        };
        await WriteAsync(tx, incident, next, at, index);
        return await EventAsync(tx, index, incident, kind, at, actor, changed, note);
    }

    private static Task WriteAsync(LedgerTransaction tx, long incident, IncidentRecord state, string at, long index) =>
        tx.Connection.ExecuteAsync(
            """
            UPDATE incidents SET title = @title, system = @system, version = @version, category = @category, severity = @severity,
                   status = @status, imminent_danger = @imminent, discovered_at = @discoveredAt, resolved_at = @resolvedAt,
                   updated_at = @at, updated_index = @index, record = @record
            WHERE log_index = @incident
            """,
            Columns(state, incident, at, index), tx.Transaction);

    /// <summary>The columns an incident's state sets (the register writes category and severity into every opening).</summary>
    private static DynamicParameters Columns(IncidentRecord state, long incident, string at, long index)
    {
        var f = state.Fields;
        var columns = new DynamicParameters();
        columns.Add("incident", incident);
        columns.Add("title", f.Title ?? "");
        columns.Add("system", f.System);
        columns.Add("version", f.Version);
        columns.Add("category", f.Category ?? IncidentVocabulary.DefaultCategory);
        columns.Add("severity", f.Severity ?? "high");
        columns.Add("status", state.Status);
        columns.Add("imminent", f.ImminentDanger == true ? 1 : 0);
        columns.Add("discoveredAt", state.DiscoveredAt);
        columns.Add("resolvedAt", state.ResolvedAt);
        columns.Add("at", at);
        columns.Add("index", index);
        columns.Add("record", Canonical(state));
        return columns;
    }

    private static IReadOnlyList<string> Resolved(IncidentEntries.ResolvedBody r) =>
        [.. new[] { "resolvedAt", r.Resolution is null ? null : "resolution", r.RootCause is null ? null : "rootCause", "status" }.OfType<string>()];

    private static async Task<IncidentRecord?> ReadAsync(LedgerTransaction tx, long incident)
    {
        var json = await tx.Connection.ExecuteScalarAsync<string?>(
            "SELECT record FROM incidents WHERE log_index = @incident", new { incident }, tx.Transaction);
        return json is null ? null : JsonSerializer.Deserialize<IncidentRecord>(json, BodyJson.Options);
    }

    private static async Task<string?> EventAsync(
        LedgerTransaction tx, long index, long incident, string kind, string at, string? actor, IReadOnlyList<string> changed, string? note)
    {
        await tx.Connection.ExecuteAsync(
            "INSERT INTO incident_events (log_index, incident, kind, at, actor, changed, note) VALUES (@index, @incident, @kind, @at, @actor, @changed, @note)",
            new { index, incident, kind, at, actor, changed = string.Join(',', changed), note },
            tx.Transaction);
        return null;
    }

    /// <summary>Never refused: a submission is documentation and outlives its incident's record (retention).</summary>
    private static async Task<string?> SubmittedAsync(LedgerTransaction tx, LedgerRecord entry, string at, IncidentEntries.SubmittedBody s)
    {
        if (!IncidentIds.TryParse(s.Incident, out var incident))
        {
            return $"'{s.Incident}' is not an incident id.";
        }

        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO incident_submissions (log_index, incident, regime, obligation, submitted_at, reference, recipient, note, report, sent_text,
                                              report_sha256, visibility, recorded_at, recorded_by)
            VALUES (@index, @incident, @regime, @obligation, @submittedAt, @reference, @recipient, @note, @report, @sentText, @sha, @visibility, @at, @actor)
            """,
            new
            {
                index = entry.Index, incident, regime = s.Regime, obligation = s.Obligation, submittedAt = s.SubmittedAt, reference = s.Reference,
                recipient = s.Recipient, note = s.Note, report = Encoding.UTF8.GetString(Jcs.Canonicalize(s.Report)), sentText = s.SentText,
                sha = s.ReportSha256, visibility = VisibilityNames.Of(entry.Envelope.Visibility), at, actor = entry.Envelope.Actor,
            },
            tx.Transaction);
        return null;
    }
}
