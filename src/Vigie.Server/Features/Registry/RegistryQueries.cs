using Dapper;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Registry;

/// <summary>
/// How the registry is read, by this feature and by others. Every method takes whether the
/// caller may see non-public facts; anonymous callers see public ones only.
/// </summary>
public sealed class RegistryQueries(Database database)
{
    public sealed record SystemRow(
        string Name, string Owner, string? Purpose, string? Description, string Visibility,
        string CreatedAt, string CreatedBy, long LogIndex)
    {
        /// <summary>How many versions the reader may see; filled in by the query that read the row.</summary>
        public long VersionCount { get; init; }
    }

    public sealed record VersionRow(
        string System, string Version, string Kind, string Status, string? BaseVersion, string? BaseModel,
        string? WeightsSha256, string? Description, string Visibility, string CreatedAt, string CreatedBy, long LogIndex);

    public sealed record TrainingRunRow(
        string Run, string StartedOn, string? EndedOn, string? Hardware, double? AcceleratorHours, double? ComputeFlop,
        long? Tokens, string? Notes, string Visibility, string RecordedAt, string RecordedBy, long LogIndex);

    public sealed record StatusChangeRow(string Status, string Reason, string Visibility, string ChangedAt, string ChangedBy, long LogIndex);

    public sealed record AliasRow(
        string Alias, string Version, string? PreviousVersion, string Decision, string DecisionType,
        string Visibility, string MovedAt, string MovedBy, long LogIndex);

    private static string Seen(bool includeInternal, string column = "visibility") =>
        includeInternal ? $"{column} IN ('public', 'internal')" : $"{column} = 'public'";

    private const string SystemColumns =
        "s.name AS Name, s.owner AS Owner, s.purpose AS Purpose, s.description AS Description, s.visibility AS Visibility, " +
        "s.created_at AS CreatedAt, s.created_by AS CreatedBy, s.log_index AS LogIndex";

    private const string VersionColumns =
        "system AS System, version AS Version, kind AS Kind, status AS Status, base_version AS BaseVersion, base_model AS BaseModel, " +
        "weights_sha256 AS WeightsSha256, description AS Description, visibility AS Visibility, created_at AS CreatedAt, " +
        "created_by AS CreatedBy, log_index AS LogIndex";

    public async Task<IReadOnlyList<SystemRow>> ListSystemsAsync(bool includeInternal, CancellationToken cancellationToken) =>
        await ReadSystemsAsync(null, includeInternal, cancellationToken);

    public async Task<SystemRow?> GetSystemAsync(string name, bool includeInternal, CancellationToken cancellationToken) =>
        (await ReadSystemsAsync(name, includeInternal, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<SystemRow>> ReadSystemsAsync(string? name, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var systems = (await c.QueryAsync<SystemRow>(new CommandDefinition(
            $"SELECT {SystemColumns} FROM systems s WHERE (@name IS NULL OR s.name = @name) AND {Seen(includeInternal, "s.visibility")} ORDER BY s.name",
            new { name }, cancellationToken: cancellationToken))).AsList();

        // Counted apart: SQLite reports an aggregate column of an empty result as a blob, which Dapper cannot map.
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in await c.QueryAsync(new CommandDefinition(
            $"SELECT system, COUNT(*) AS n FROM system_versions WHERE (@name IS NULL OR system = @name) AND {Seen(includeInternal)} GROUP BY system",
            new { name }, cancellationToken: cancellationToken)))
        {
            counts[(string)row.system] = Convert.ToInt64(row.n, System.Globalization.CultureInfo.InvariantCulture);
        }

        return systems.Select(s => s with { VersionCount = counts.GetValueOrDefault(s.Name) }).ToList();
    }

    public async Task<IReadOnlyList<VersionRow>> ListVersionsAsync(string system, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM system_versions WHERE system = @system AND {Seen(includeInternal)} ORDER BY log_index",
            new { system }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>A version, or null when it does not exist or the caller may not see it.</summary>
    public async Task<VersionRow?> GetVersionAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM system_versions WHERE system = @system AND version = @version AND {Seen(includeInternal)}",
            new { system, version }, cancellationToken: cancellationToken));
    }

    /// <summary>A version as a signed-in member sees it (public or internal).</summary>
    public Task<VersionRow?> GetVersionAsync(string system, string version, CancellationToken cancellationToken) =>
        GetVersionAsync(system, version, includeInternal: true, cancellationToken);

    public async Task<IReadOnlyList<TrainingRunRow>> ListTrainingRunsAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<TrainingRunRow>(new CommandDefinition(
            $"""
            SELECT run AS Run, started_on AS StartedOn, ended_on AS EndedOn, hardware AS Hardware, accelerator_hours AS AcceleratorHours,
                   compute_flop AS ComputeFlop, tokens AS Tokens, notes AS Notes, visibility AS Visibility, recorded_at AS RecordedAt,
                   recorded_by AS RecordedBy, log_index AS LogIndex
            FROM training_runs WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY started_on, log_index
            """, new { system, version }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<StatusChangeRow>> ListStatusChangesAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<StatusChangeRow>(new CommandDefinition(
            $"""
            SELECT status AS Status, reason AS Reason, visibility AS Visibility, changed_at AS ChangedAt, changed_by AS ChangedBy, log_index AS LogIndex
            FROM version_status_changes WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system, version }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Where each alias of a system points now (its latest move the caller may see).</summary>
    public async Task<IReadOnlyList<AliasRow>> ListAliasesAsync(string system, bool includeInternal, CancellationToken cancellationToken)
    {
        var moves = await AliasHistoryAsync(system, null, includeInternal, cancellationToken);
        return moves.GroupBy(m => m.Alias).Select(g => g.MaxBy(m => m.LogIndex)!).OrderBy(m => m.Alias, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every move of a system's aliases (or of one alias), oldest first.</summary>
    public async Task<IReadOnlyList<AliasRow>> AliasHistoryAsync(string system, string? alias, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<AliasRow>(new CommandDefinition(
            $"""
            SELECT alias AS Alias, version AS Version, previous_version AS PreviousVersion, decision AS Decision, decision_type AS DecisionType,
                   visibility AS Visibility, moved_at AS MovedAt, moved_by AS MovedBy, log_index AS LogIndex
            FROM alias_moves WHERE system = @system AND (@alias IS NULL OR alias = @alias) AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system, alias }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The training compute behind a version, in FLOP: its own runs plus its registered base
    /// version's total, because SB 53 and the EU AI Act count fine-tuning on top of the original
    /// training. Follows lineage at most 32 steps (a longer chain is a data error, not a model).
    /// </summary>
    public async Task<double> TotalComputeFlopAsync(string system, string version, CancellationToken cancellationToken) =>
        (await ComputeAsync(system, version, cancellationToken)).WithLineage ?? 0;

    /// <summary>
    /// The training compute recorded for a version, in FLOP: its own runs (<c>Own</c>) and with its
    /// lineage (<c>WithLineage</c>, as <see cref="TotalComputeFlopAsync"/> counts it). Each is null
    /// when no run it covers recorded its compute, so "not recorded" is never reported as zero.
    /// </summary>
    public async Task<(double? Own, double? WithLineage)> ComputeAsync(string system, string version, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        double? own = null;
        double? total = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? current = RegistryNames.Subject(system, version);
        while (current is not null && seen.Add(current) && seen.Count <= 32 && RegistryNames.TryParseSubject(current, out var s, out var v))
        {
            // SUM over no recorded value is NULL: that is what keeps "not recorded" apart from 0.
            var sum = await c.ExecuteScalarAsync<double?>(new CommandDefinition(
                "SELECT SUM(compute_flop) FROM training_runs WHERE system = @s AND version = @v", new { s, v }, cancellationToken: cancellationToken));
            if (seen.Count == 1)
            {
                own = sum;
            }

            total = sum is null ? total : (total ?? 0) + sum;
            current = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT base_version FROM system_versions WHERE system = @s AND version = @v", new { s, v }, cancellationToken: cancellationToken));
        }

        return (own, total);
    }
}
