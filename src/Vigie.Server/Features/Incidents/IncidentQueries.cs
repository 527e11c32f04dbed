using System.Text.Json;
using Dapper;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Incidents;

/// <summary>How the incident tables are read, by this feature and by others (the dossier source, later the portal).</summary>
public sealed class IncidentQueries(Database database)
{
    public sealed class IncidentRow
    {
        public long LogIndex { get; set; }
        public string Title { get; set; } = "";
        public string? System { get; set; }
        public string? Version { get; set; }
        public string Category { get; set; } = "";
        public string Severity { get; set; } = "";
        public string Status { get; set; } = "";
        public long ImminentDanger { get; set; }
        public string DiscoveredAt { get; set; } = "";
        public string? ResolvedAt { get; set; }
        public string Visibility { get; set; } = "";
        public string OpenedAt { get; set; } = "";
        public string OpenedBy { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
        public long UpdatedIndex { get; set; }
        public string Record { get; set; } = "";

        public string Id => IncidentIds.Format(LogIndex);

        public bool IsOpen => Status == IncidentVocabulary.Open;

        public IncidentRecord State => JsonSerializer.Deserialize<IncidentRecord>(Record, BodyJson.Options)
            ?? throw new InvalidDataException($"Incident {Id} has no record.");
    }

    public sealed class EventRow
    {
        public long LogIndex { get; set; }
        public long Incident { get; set; }
        public string Kind { get; set; } = "";
        public string At { get; set; } = "";
        public string? Actor { get; set; }
        public string Changed { get; set; } = "";
        public string? Note { get; set; }

        public IReadOnlyList<string> ChangedList => Changed.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    public sealed class SubmissionRow
    {
        public long LogIndex { get; set; }
        public long Incident { get; set; }
        public string Regime { get; set; } = "";
        public string Obligation { get; set; } = "";
        public string SubmittedAt { get; set; } = "";
        public string? Reference { get; set; }
        public string? Recipient { get; set; }
        public string? Note { get; set; }
        public string Report { get; set; } = "";
        public string? SentText { get; set; }
        public string ReportSha256 { get; set; } = "";
        public string Visibility { get; set; } = "";
        public string RecordedAt { get; set; } = "";
        public string? RecordedBy { get; set; }

        public DateTimeOffset SubmittedInstant => IncidentTimes.Parse(SubmittedAt);
    }

    public sealed class ExpiryRow
    {
        public long LogIndex { get; set; }
        public long Incident { get; set; }
        public string Part { get; set; } = "";
        public string ExpiredOn { get; set; } = "";
        public string Erased { get; set; } = "";
        public string Rule { get; set; } = "";
    }

    private const string IncidentColumns =
        "log_index AS LogIndex, title AS Title, system AS System, version AS Version, category AS Category, severity AS Severity, " +
        "status AS Status, imminent_danger AS ImminentDanger, discovered_at AS DiscoveredAt, resolved_at AS ResolvedAt, visibility AS Visibility, " +
        "opened_at AS OpenedAt, opened_by AS OpenedBy, updated_at AS UpdatedAt, updated_index AS UpdatedIndex, record AS Record";

    private const string SubmissionColumns =
        "log_index AS LogIndex, incident AS Incident, regime AS Regime, obligation AS Obligation, submitted_at AS SubmittedAt, reference AS Reference, " +
        "recipient AS Recipient, note AS Note, report AS Report, sent_text AS SentText, report_sha256 AS ReportSha256, visibility AS Visibility, recorded_at AS RecordedAt, " +
        "recorded_by AS RecordedBy";

    /// <summary>Incidents, newest first; <paramref name="status"/> "open" or "resolved" filters, null gives all.</summary>
    public async Task<IReadOnlyList<IncidentRow>> ListAsync(string? status, string? system, int limit, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<IncidentRow>(new CommandDefinition(
            $"""
            SELECT {IncidentColumns} FROM incidents
            WHERE (@status IS NULL OR status = @status) AND (@system IS NULL OR system = @system)
            ORDER BY log_index DESC LIMIT @limit
            """, new { status, system, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IncidentRow?> GetAsync(long index, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(
            $"SELECT {IncidentColumns} FROM incidents WHERE log_index = @index", new { index }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<EventRow>> EventsAsync(long incident, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, incident AS Incident, kind AS Kind, at AS At, actor AS Actor, changed AS Changed, note AS Note " +
            "FROM incident_events WHERE incident = @incident ORDER BY log_index", new { incident }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The submissions of the given incidents (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionRow>> SubmissionsAsync(IReadOnlyCollection<long>? incidents, CancellationToken cancellationToken)
    {
        if (incidents is { Count: 0 })
        {
            return [];
        }

        await using var c = await database.OpenAsync(cancellationToken);
        var filter = incidents is null ? "" : "WHERE " + IncidentSql.In(database.Provider, "incident", "incidents");
        return (await c.QueryAsync<SubmissionRow>(new CommandDefinition(
            $"SELECT {SubmissionColumns} FROM incident_submissions {filter} ORDER BY submitted_at, log_index",
            new { incidents = incidents?.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ExpiryRow>> ExpiriesAsync(long? incident, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ExpiryRow>(new CommandDefinition(
            "SELECT log_index AS LogIndex, incident AS Incident, part AS Part, expired_on AS ExpiredOn, erased AS Erased, rule AS Rule " +
            "FROM incident_expiries WHERE (@incident IS NULL OR incident = @incident) ORDER BY log_index",
            new { incident }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The log indexes of every record entry (opened, updated, resolved, reopened) of each resolved incident.</summary>
    public async Task<ILookup<long, long>> RecordEntriesAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync<(long Incident, long LogIndex)>(new CommandDefinition(
            "SELECT e.incident, e.log_index FROM incident_events e JOIN incidents i ON i.log_index = e.incident WHERE i.status = 'resolved' ORDER BY e.log_index",
            cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.Incident, r => r.LogIndex);
    }
}
