using Dapper;
using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// How waivers are read: those in force for a dossier, those that would overlap a new one, and
/// the public list with justifications (anonymous callers see public waivers only).
/// </summary>
public sealed class WaiverQueries(Database database)
{
    public sealed record WaiverRow(
        string Decision, long LogIndex, string RuleId, string System, string Version, string Action, string Reason, string ExpiresAt,
        string PolicyVersion, string Status, string Visibility, string RequestedAt, string RequestedBy, string? ClosedAt)
    {
        /// <summary>Approved and not yet expired at <paramref name="time"/> (times in the log's fixed form sort as text).</summary>
        public bool InForceAt(DateTimeOffset time) => Status == "approved" && string.CompareOrdinal(ExpiresAt, LedgerTime.Format(time)) > 0;
    }

    private const string Columns =
        "decision AS Decision, log_index AS LogIndex, rule_id AS RuleId, system AS System, version AS Version, action AS Action, " +
        "reason AS Reason, expires_at AS ExpiresAt, policy_version AS PolicyVersion, status AS Status, visibility AS Visibility, " +
        "requested_at AS RequestedAt, requested_by AS RequestedBy, closed_at AS ClosedAt";

    /// <summary>Approved waivers for a version and action that have not expired at <paramref name="time"/>, oldest first.</summary>
    public async Task<IReadOnlyList<WaiverRow>> InForceAsync(string system, string version, string action, DateTimeOffset time, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<WaiverRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM waivers
            WHERE system = @system AND version = @version AND action = @action AND status = 'approved' AND expires_at > @now
            ORDER BY log_index
            """,
            new { system, version, action, now = LedgerTime.Format(time) }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Waivers of one rule for one scope that are pending or in force at <paramref name="time"/>: a new one would stack on them.</summary>
    public async Task<IReadOnlyList<WaiverRow>> OverlappingAsync(
        string ruleId, string system, string version, string action, DateTimeOffset time, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<WaiverRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM waivers
            WHERE rule_id = @ruleId AND system = @system AND version = @version AND action = @action
              AND (status = 'open' OR (status = 'approved' AND expires_at > @now))
            ORDER BY log_index
            """,
            new { ruleId, system, version, action, now = LedgerTime.Format(time) }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Waivers, newest first, optionally of one system.</summary>
    public async Task<IReadOnlyList<WaiverRow>> ListAsync(bool includeInternal, string? system, int limit, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<WaiverRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM waivers
            WHERE {(includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'")} AND (@system IS NULL OR system = @system)
            ORDER BY log_index DESC LIMIT @limit
            """,
            new { system, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<WaiverRow?> GetAsync(string decision, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<WaiverRow>(new CommandDefinition(
            $"SELECT {Columns} FROM waivers WHERE decision = @decision AND {(includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'")}",
            new { decision }, cancellationToken: cancellationToken));
    }
}
