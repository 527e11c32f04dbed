using System.Text.Json;
using Dapper;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Gate;

/// <summary>How recorded gate evaluations are read (anonymous callers see those of public versions only).</summary>
public sealed class GateCheckQueries(Database database)
{
    public sealed record CheckRow(
        long LogIndex, string System, string Version, string Action, string Result, string DossierDigest, string PolicyVersion,
        string PolicySha256, string Rules, string Visibility, string CheckedAt, string CheckedBy)
    {
        public IReadOnlyList<GateEntries.RuleOutcomeBody> Outcomes =>
            JsonSerializer.Deserialize<List<GateEntries.RuleOutcomeBody>>(Rules, BodyJson.Options) ?? [];
    }

    private const string Columns =
        "log_index AS LogIndex, system AS System, version AS Version, action AS Action, result AS Result, dossier_digest AS DossierDigest, " +
        "policy_version AS PolicyVersion, policy_sha256 AS PolicySha256, rules AS Rules, visibility AS Visibility, checked_at AS CheckedAt, checked_by AS CheckedBy";

    private static string Seen(bool includeInternal) => includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'";

    /// <summary>Evaluations of a version (of every version of the system when <paramref name="version"/> is null), newest first.</summary>
    public async Task<IReadOnlyList<CheckRow>> ListAsync(string system, string? version, bool includeInternal, int limit, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<CheckRow>(new CommandDefinition(
            $"SELECT {Columns} FROM gate_checks WHERE system = @system AND (@version IS NULL OR version = @version) AND {Seen(includeInternal)} ORDER BY log_index DESC LIMIT @limit",
            new { system, version, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<CheckRow?> GetAsync(long index, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<CheckRow>(new CommandDefinition(
            $"SELECT {Columns} FROM gate_checks WHERE log_index = @index AND {Seen(includeInternal)}", new { index }, cancellationToken: cancellationToken));
    }
}
