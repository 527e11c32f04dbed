using System.Text.Json;
using Dapper;
using Vigie.Core.Formats.Evaluations;
using Vigie.Core.Risk;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// How the risk feature's data is read, by itself and by others (the gate's dossier). Every list
/// takes whether the caller may see internal facts.
/// </summary>
public sealed class RiskQueries(Database database)
{
    public sealed record ProposalRow(
        long LogIndex, string Decision, string Name, long Version, string Digest, string Yaml, string Status,
        string ProposedAt, string ProposedBy, long? AdoptedIndex, string? AdoptedAt)
    {
        public Framework Framework => FrameworkCache.Get(Digest, Yaml);
    }

    public sealed record EvaluationRow(
        long LogIndex, string System, string Version, string Name, string Format, string? FormatVersion, string? Model, string? Harness,
        string? HarnessVersion, string? RunStatus, string? StartedAt, string? CompletedAt, long? Samples, string Stage, double? EffectiveFlop,
        string Sha256, long SizeBytes, long EvidenceIndex, string Tasks, string Warnings, string Visibility, string ImportedAt, string ImportedBy)
    {
        public string Id => RiskIds.Evaluation(LogIndex);

        public IReadOnlyList<string> TaskList => JsonSerializer.Deserialize<List<string>>(Tasks) ?? [];

        public IReadOnlyList<string> WarningList => JsonSerializer.Deserialize<List<string>>(Warnings) ?? [];
    }

    public sealed record MetricRow(long Evaluation, long Ordinal, string Task, string Metric, string? Variant, double Value, double? Stderr, long? Samples, long? HigherIsBetter)
    {
        public MetricResult ToResult() => new(Task, Metric, Variant, Value, Stderr, Samples, HigherIsBetter is { } h ? h == 1 : null);
    }

    public sealed record ConfirmationRow(
        long LogIndex, string System, string Version, string Category, string Framework, string FrameworkDigest, string DerivedPre,
        string DerivedPost, string ConfirmedPre, string ConfirmedPost, string Rationale, string Visibility, string ConfirmedAt, string ConfirmedBy);

    public sealed record SafeguardRow(
        long LogIndex, string System, string Version, string Safeguard, string Name, string Standard, long? Asl, string Status, string? Category,
        string Evidence, string? Description, string Visibility, string RecordedAt, string RecordedBy)
    {
        public IReadOnlyList<string> EvidenceList => JsonSerializer.Deserialize<List<string>>(Evidence) ?? [];
    }

    public sealed record AlertRow(
        long LogIndex, string System, string MetricKey, string Category, string Level, string BasisVersion, string Framework,
        double? UpperFlop, string? UpperDate, string Summary, string Visibility, string RaisedAt);

    private static string Seen(bool includeInternal, string column = "visibility") =>
        includeInternal ? $"{column} IN ('public', 'internal')" : $"{column} = 'public'";

    private const string ProposalColumns =
        "log_index AS LogIndex, decision AS Decision, name AS Name, version AS Version, digest AS Digest, yaml AS Yaml, status AS Status, " +
        "proposed_at AS ProposedAt, proposed_by AS ProposedBy, adopted_index AS AdoptedIndex, adopted_at AS AdoptedAt";

    /// <summary>The framework in force: the adopted proposal approved last and not reversed since.</summary>
    public async Task<ProposalRow?> CurrentFrameworkAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalColumns} FROM risk_framework_proposals WHERE status = 'adopted' ORDER BY adopted_index DESC LIMIT 1",
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ProposalRow>> FrameworkHistoryAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalColumns} FROM risk_framework_proposals ORDER BY log_index DESC", cancellationToken: cancellationToken))).AsList();
    }

    private const string EvaluationColumns =
        "log_index AS LogIndex, system AS System, version AS Version, name AS Name, format AS Format, format_version AS FormatVersion, model AS Model, " +
        "harness AS Harness, harness_version AS HarnessVersion, run_status AS RunStatus, started_at AS StartedAt, completed_at AS CompletedAt, " +
        "samples AS Samples, stage AS Stage, effective_flop AS EffectiveFlop, sha256 AS Sha256, size_bytes AS SizeBytes, evidence_index AS EvidenceIndex, " +
        "tasks AS Tasks, warnings AS Warnings, visibility AS Visibility, imported_at AS ImportedAt, imported_by AS ImportedBy";

    /// <summary>The evaluations of one version (or, with <paramref name="version"/> null, of every version of the system), oldest first.</summary>
    public async Task<IReadOnlyList<EvaluationRow>> EvaluationsAsync(string system, string? version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<EvaluationRow>(new CommandDefinition(
            $"SELECT {EvaluationColumns} FROM risk_evaluations WHERE system = @system AND (@version IS NULL OR version = @version) AND {Seen(includeInternal)} ORDER BY log_index",
            new { system, version }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<EvaluationRow?> EvaluationAsync(long index, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<EvaluationRow>(new CommandDefinition(
            $"SELECT {EvaluationColumns} FROM risk_evaluations WHERE log_index = @index AND {Seen(includeInternal)}", new { index }, cancellationToken: cancellationToken));
    }

    /// <summary>The metrics of the given evaluations, in file order.</summary>
    public async Task<IReadOnlyList<MetricRow>> MetricsAsync(IReadOnlyCollection<long> evaluations, CancellationToken cancellationToken)
    {
        if (evaluations.Count == 0)
        {
            return [];
        }

        await using var c = await database.OpenAsync(cancellationToken);
        var rows = new List<MetricRow>();
        foreach (var chunk in evaluations.Chunk(500))
        {
            rows.AddRange(await c.QueryAsync<MetricRow>(new CommandDefinition(
                "SELECT evaluation AS Evaluation, ordinal AS Ordinal, task AS Task, metric AS Metric, variant AS Variant, value AS Value, stderr AS Stderr, " +
                "samples AS Samples, higher_is_better AS HigherIsBetter FROM risk_evaluation_metrics WHERE evaluation IN (" +
                string.Join(",", chunk.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ") ORDER BY evaluation, ordinal",
                cancellationToken: cancellationToken)));
        }

        return rows;
    }

    /// <summary>Every metric imported for one version, as the derivation reads them.</summary>
    public async Task<IReadOnlyList<ObservedResult>> ObservedAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        var evaluations = await EvaluationsAsync(system, version, includeInternal, cancellationToken);
        var byIndex = evaluations.ToDictionary(e => e.LogIndex);
        return (await MetricsAsync(byIndex.Keys, cancellationToken))
            .Select(m => new ObservedResult(RiskIds.Evaluation(m.Evaluation), m.Evaluation, byIndex[m.Evaluation].Stage, m.ToResult()))
            .ToList();
    }

    public async Task<IReadOnlyList<ConfirmationRow>> ConfirmationsAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ConfirmationRow>(new CommandDefinition(
            $"""
            SELECT log_index AS LogIndex, system AS System, version AS Version, category AS Category, framework AS Framework, framework_digest AS FrameworkDigest,
                   derived_pre AS DerivedPre, derived_post AS DerivedPost, confirmed_pre AS ConfirmedPre, confirmed_post AS ConfirmedPost, rationale AS Rationale,
                   visibility AS Visibility, confirmed_at AS ConfirmedAt, confirmed_by AS ConfirmedBy
            FROM risk_scorecard_confirmations WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system, version }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<SafeguardRow>> SafeguardsAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = (await c.QueryAsync<SafeguardRow>(new CommandDefinition(
            $"""
            SELECT log_index AS LogIndex, system AS System, version AS Version, safeguard AS Safeguard, name AS Name, standard AS Standard, asl AS Asl,
                   status AS Status, category AS Category, evidence AS Evidence, description AS Description, visibility AS Visibility,
                   recorded_at AS RecordedAt, recorded_by AS RecordedBy
            FROM risk_safeguards WHERE system = @system AND version = @version AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system, version }, cancellationToken: cancellationToken))).AsList();

        // A safeguard recorded again (its status changed) replaces the earlier record of the same id.
        return rows.GroupBy(r => r.Safeguard).Select(g => g.MaxBy(r => r.LogIndex)!).OrderBy(r => r.Safeguard, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<AlertRow>> AlertsAsync(string system, bool includeInternal, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<AlertRow>(new CommandDefinition(
            $"""
            SELECT log_index AS LogIndex, system AS System, metric_key AS MetricKey, category AS Category, level AS Level, basis_version AS BasisVersion,
                   framework AS Framework, upper_flop AS UpperFlop, upper_date AS UpperDate, summary AS Summary, visibility AS Visibility, raised_at AS RaisedAt
            FROM risk_forecast_alerts WHERE system = @system AND {Seen(includeInternal)} ORDER BY log_index
            """, new { system }, cancellationToken: cancellationToken))).AsList();
    }
}
