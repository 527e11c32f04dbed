using System.Text.Json;
using Dapper;
using Vigie.Core.Governance;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// How decisions and charters are read, by this feature and by others (the registry asks
/// <see cref="FindApprovedAsync"/> before it moves an alias). Methods that serve callers take
/// whether the caller may see internal decisions; anonymous callers see public ones only.
/// </summary>
public sealed class DecisionQueries(Database database)
{
    public sealed record DecisionSummary(
        long LogIndex, string Type, string? System, string? Version, string Title, string Status, string Visibility,
        string OpenedAt, string OpenedBy, string? ClosedAt)
    {
        public string Id => DecisionIds.Format(LogIndex);
    }

    public sealed record SnapshotRow(long LogIndex, string Digest, IReadOnlyList<SnapshotItem> Items, string Visibility);

    public sealed record CharterRow(long LogIndex, string Name, long Version, string Digest, string Yaml, string? Decision, string AdoptedAt, string AdoptedBy)
    {
        public Charter Charter => CharterCache.Get(Digest, Yaml);
    }

    /// <summary>A decision with its state, the charter it is taken under and every snapshot it was bound to, oldest first.</summary>
    public sealed record DecisionDetail(
        DecisionSummary Summary, string? Description, string? ProposedYaml, DecisionState State, CharterRow Charter, IReadOnlyList<SnapshotRow> Snapshots)
    {
        public DecisionRule Rule => Charter.Charter.RuleFor(State.Type);

        public SnapshotRow Snapshot => Snapshots[^1];
    }

    private const string SummaryColumns =
        "log_index AS LogIndex, type AS Type, system AS System, version AS Version, title AS Title, status AS Status, " +
        "visibility AS Visibility, opened_at AS OpenedAt, opened_by AS OpenedBy, closed_at AS ClosedAt";

    private const string CharterColumns =
        "log_index AS LogIndex, name AS Name, version AS Version, digest AS Digest, yaml AS Yaml, decision AS Decision, " +
        "adopted_at AS AdoptedAt, adopted_by AS AdoptedBy";

    private static string Seen(bool includeInternal) => includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'";

    public async Task<IReadOnlyList<DecisionSummary>> ListAsync(
        bool includeInternal, bool openOnly, string? system, int limit, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<DecisionSummary>(new CommandDefinition(
            $"""
            SELECT {SummaryColumns} FROM decisions
            WHERE {Seen(includeInternal)} AND (@openOnly = 0 OR status = 'open') AND (@system IS NULL OR system = @system)
            ORDER BY log_index DESC LIMIT @limit
            """,
            new { openOnly = openOnly ? 1 : 0, system, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<DecisionDetail?> GetAsync(long index, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var row = await c.QuerySingleOrDefaultAsync<(string State, string? Description, string? Proposed, string Charter)>(new CommandDefinition(
            $"SELECT state, description, proposed_yaml, charter_digest FROM decisions WHERE log_index = @index AND {Seen(includeInternal)}",
            new { index }, cancellationToken: cancellationToken));
        if (row.State is null)
        {
            return null;
        }

        var summary = await c.QuerySingleAsync<DecisionSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM decisions WHERE log_index = @index", new { index }, cancellationToken: cancellationToken));
        var charter = await c.QueryFirstAsync<CharterRow>(new CommandDefinition(
            $"SELECT {CharterColumns} FROM charters WHERE digest = @digest ORDER BY log_index", new { digest = row.Charter }, cancellationToken: cancellationToken));
        var snapshots = (await c.QueryAsync<(long LogIndex, string Digest, string Items, string Visibility)>(new CommandDefinition(
                "SELECT log_index, digest, items, visibility FROM decision_snapshots WHERE decision = @index ORDER BY log_index",
                new { index }, cancellationToken: cancellationToken)))
            .Select(s => new SnapshotRow(s.LogIndex, s.Digest, JsonSerializer.Deserialize<List<SnapshotItem>>(s.Items, BodyJson.Options)!, s.Visibility))
            .ToList();
        return new DecisionDetail(summary, row.Description, row.Proposed, DecisionStateJson.Read(row.State), charter, snapshots);
    }

    /// <summary>Every public decision with its state, in one query: what public statistics count.</summary>
    public async Task<IReadOnlyList<(DecisionSummary Summary, DecisionState State)>> PublicStatesAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var summaries = (await c.QueryAsync<DecisionSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM decisions WHERE visibility = 'public' ORDER BY log_index", cancellationToken: cancellationToken))).AsList();
        var states = (await c.QueryAsync<(long LogIndex, string State)>(new CommandDefinition(
            "SELECT log_index, state FROM decisions WHERE visibility = 'public' ORDER BY log_index", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.LogIndex, r => r.State);
        return summaries.Select(d => (d, DecisionStateJson.Read(states[d.LogIndex]))).ToList();
    }

    /// <summary>
    /// The latest approved, not reversed decision of <paramref name="type"/> about a version, or
    /// null: what the registry requires before it moves an alias. Internal decisions count.
    /// </summary>
    public async Task<DecisionSummary?> FindApprovedAsync(string system, string version, string type, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QueryFirstOrDefaultAsync<DecisionSummary>(new CommandDefinition(
            $"""
            SELECT {SummaryColumns} FROM decisions
            WHERE system = @system AND version = @version AND type = @type AND status = 'approved'
            ORDER BY log_index DESC LIMIT 1
            """,
            new { system, version, type }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Every decision about a version, any type and visibility, oldest first, with its state: what
    /// the release dossier lists (with sign-off counts and whether its evidence is still current).
    /// </summary>
    public async Task<IReadOnlyList<(DecisionSummary Summary, DecisionState State)>> AboutVersionAsync(string system, string version, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync<SummaryWithState>(new CommandDefinition(
            $"SELECT {SummaryColumns}, state AS State FROM decisions WHERE system = @system AND version = @version ORDER BY log_index",
            new { system, version }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (new DecisionSummary(r.LogIndex, r.Type, r.System, r.Version, r.Title, r.Status, r.Visibility, r.OpenedAt, r.OpenedBy, r.ClosedAt),
            DecisionStateJson.Read(r.State)))];
    }

    private sealed record SummaryWithState(
        long LogIndex, string Type, string? System, string? Version, string Title, string Status, string Visibility,
        string OpenedAt, string OpenedBy, string? ClosedAt, string State);

    /// <summary>Open decisions about a version, whatever their visibility (for keeping their evidence current).</summary>
    public async Task<IReadOnlyList<DecisionSummary>> OpenAboutAsync(string system, string version, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<DecisionSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM decisions WHERE system = @system AND version = @version AND status = 'open' ORDER BY log_index",
            new { system, version }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The charter in force (the latest adopted), or null before the first adoption.</summary>
    public async Task<CharterRow?> CurrentCharterAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QueryFirstOrDefaultAsync<CharterRow>(new CommandDefinition(
            $"SELECT {CharterColumns} FROM charters ORDER BY log_index DESC LIMIT 1", cancellationToken: cancellationToken));
    }

    /// <summary>Every charter adopted, oldest first.</summary>
    public async Task<IReadOnlyList<CharterRow>> CharterHistoryAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<CharterRow>(new CommandDefinition(
            $"SELECT {CharterColumns} FROM charters ORDER BY log_index", cancellationToken: cancellationToken))).AsList();
    }
}
