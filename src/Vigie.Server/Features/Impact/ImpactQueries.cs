using Dapper;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Impact;

/// <summary>How the impact tables are read, by this feature and by others, filtered to what the caller may see.</summary>
public sealed class ImpactQueries(Database database)
{
    public sealed record EnergyRow(long LogIndex, string System, string Version, string Run, double ItKwh, double FacilityKwh, double? Co2eKg,
        double? WaterLitres, string EstimateJson, string Visibility, string RecordedAt, string RecordedBy);

    public sealed record FairnessRow(long LogIndex, string System, string Version, string Assessment, string FileSha256, long RowsRead,
        long? PassesFourFifths, string ReportJson, string Visibility, string RecordedAt, string RecordedBy);

    public sealed record MetRow(long LogIndex, string System, string Obligation, string Reference, string? Note, string Visibility, string RecordedAt, string RecordedBy);

    public sealed record RevenueRow(long LogIndex, long Year, double RevenueUsd, string Source, string RecordedAt, string RecordedBy);

    public sealed record ClassificationRow(long LogIndex, string System, long Revision, string Tier, string AnswersJson, string ResultJson,
        string Visibility, string RecordedAt, string RecordedBy);

    private static string Seen(bool includeInternal) => includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'";

    public async Task<IReadOnlyList<EnergyRow>> EnergyAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken) =>
        await ListAsync<EnergyRow>(
            $"""
            SELECT log_index AS LogIndex, system AS System, version AS Version, run AS Run, it_kwh AS ItKwh, facility_kwh AS FacilityKwh, co2e_kg AS Co2eKg,
                   water_litres AS WaterLitres, estimate_json AS EstimateJson, visibility AS Visibility, recorded_at AS RecordedAt, recorded_by AS RecordedBy
            FROM impact_energy WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system, version }, cancellationToken);

    /// <summary>The latest estimate of each run (a run re-estimated keeps only its newest figures).</summary>
    public async Task<IReadOnlyList<EnergyRow>> LatestEnergyAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken) =>
        [.. (await EnergyAsync(system, version, includeInternal, cancellationToken)).GroupBy(r => r.Run).Select(g => g.MaxBy(r => r.LogIndex)!).OrderBy(r => r.LogIndex)];

    public async Task<IReadOnlyList<FairnessRow>> FairnessAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken) =>
        await ListAsync<FairnessRow>(
            $"""
            SELECT log_index AS LogIndex, system AS System, version AS Version, assessment AS Assessment, file_sha256 AS FileSha256, rows_read AS RowsRead,
                   passes_four_fifths AS PassesFourFifths, report_json AS ReportJson, visibility AS Visibility, recorded_at AS RecordedAt, recorded_by AS RecordedBy
            FROM impact_fairness WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system, version }, cancellationToken);

    /// <summary>The latest result of each named assessment.</summary>
    public async Task<IReadOnlyList<FairnessRow>> LatestFairnessAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken) =>
        [.. (await FairnessAsync(system, version, includeInternal, cancellationToken)).GroupBy(r => r.Assessment).Select(g => g.MaxBy(r => r.LogIndex)!).OrderBy(r => r.LogIndex)];

    public async Task<IReadOnlyList<MetRow>> MetAsync(string system, bool includeInternal, CancellationToken cancellationToken) =>
        await ListAsync<MetRow>(
            $"""
            SELECT log_index AS LogIndex, system AS System, obligation AS Obligation, reference AS Reference, note AS Note, visibility AS Visibility,
                   recorded_at AS RecordedAt, recorded_by AS RecordedBy
            FROM regulatory_met WHERE system = @system AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system }, cancellationToken);

    public async Task<IReadOnlyList<RevenueRow>> RevenueAsync(CancellationToken cancellationToken) =>
        await ListAsync<RevenueRow>(
            "SELECT log_index AS LogIndex, year AS Year, revenue_usd AS RevenueUsd, source AS Source, recorded_at AS RecordedAt, recorded_by AS RecordedBy FROM regulatory_revenue ORDER BY log_index",
            null, cancellationToken);

    public async Task<ClassificationRow?> ClassificationAsync(string system, bool includeInternal, CancellationToken cancellationToken) =>
        (await ClassificationsAsync(system, includeInternal, cancellationToken)).LastOrDefault();

    public async Task<IReadOnlyList<ClassificationRow>> ClassificationsAsync(string system, bool includeInternal, CancellationToken cancellationToken) =>
        await ListAsync<ClassificationRow>(
            $"""
            SELECT log_index AS LogIndex, system AS System, revision AS Revision, tier AS Tier, answers_json AS AnswersJson, result_json AS ResultJson,
                   visibility AS Visibility, recorded_at AS RecordedAt, recorded_by AS RecordedBy
            FROM rights_classifications WHERE system = @system AND {Seen(includeInternal)} ORDER BY revision
            """, new { system }, cancellationToken);

    /// <summary>The newest classification revision whatever its visibility (0 when none): what the next must follow.</summary>
    public async Task<long> ClassificationHeadAsync(string system, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(revision) FROM rights_classifications WHERE system = @system", new { system }, cancellationToken: cancellationToken)) ?? 0;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }
}
