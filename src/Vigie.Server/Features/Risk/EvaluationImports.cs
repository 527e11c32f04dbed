using System.Globalization;
using Vigie.Core.Formats.Evaluations;
using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// Imports an evaluation file for a version: reads it (any supported format), then records, in one
/// atomic group, the raw file as evidence (its SHA-256 in the log, through the evidence feature's
/// entry) and what it says. Then the system's forecasts are recomputed, which may raise an alert.
/// </summary>
public sealed class EvaluationImports(
    Ledger.Ledger ledger, RegistryQueries registry, EvidenceSnapshots snapshots, ForecastAlerts alerts, ILogger<EvaluationImports> logger)
{
    public sealed record Request(string Name, string? Format, string Stage, double? EffectiveComputeFlop, string? Visibility, IReadOnlyList<string>? Tasks);

    public sealed record Outcome(int Status, string? Error, long Index, string? Evidence, EvaluationRun? Run, RiskEntries.ImportedBody? Body, IReadOnlyList<long> Alerts)
    {
        public static Outcome Fail(int status, string error) => new(status, error, -1, null, null, null, []);
    }

    public async Task<Outcome> ImportAsync(CurrentUser user, string system, string version, EvaluationUpload upload, Request request, CancellationToken cancellationToken)
    {
        var row = await registry.GetVersionAsync(system, version, cancellationToken);
        if (row is null)
        {
            return Outcome.Fail(StatusCodes.Status404NotFound, $"No version {system}@{version} is registered (vigie versions add {system} {version}).");
        }

        var visibility = Visibility.Internal;
        if (request.Visibility is "public")
        {
            if (row.Visibility != "public")
            {
                return Outcome.Fail(StatusCodes.Status400BadRequest, $"{system}@{version} is {row.Visibility}; its evaluations cannot be public.");
            }

            visibility = Visibility.Public;
        }

        EvaluationImport import;
        await using (var stream = upload.Open())
        {
            import = EvaluationReader.Read(stream, request.Name, request.Format);
        }

        if (!import.Succeeded)
        {
            return Outcome.Fail(StatusCodes.Status400BadRequest, import.Error!);
        }

        var run = import.Run!;
        var metrics = run.Metrics.Where(m => request.Tasks is null || request.Tasks.Contains(m.Task, StringComparer.Ordinal)).ToList();
        if (metrics.Count == 0)
        {
            return Outcome.Fail(StatusCodes.Status400BadRequest, request.Tasks is null
                ? $"{request.Name} holds no metric Vigie can read; nothing was imported.{(run.Warnings.Count > 0 ? " " + string.Join(" ", run.Warnings) : "")}"
                : $"None of the tasks {string.Join(", ", request.Tasks)} is in {request.Name}; its tasks are: {string.Join(", ", run.Tasks.Take(20))}.");
        }

        var compute = request.EffectiveComputeFlop ?? (await registry.TotalComputeFlopAsync(system, version, cancellationToken) is > 0 and var total ? total : null);
        var body = new RiskEntries.ImportedBody(
            system, version, request.Name, upload.Sha256, upload.Size, run.Format, run.FormatVersion, run.Model, run.Harness, run.HarnessVersion,
            run.Status, Time(run.StartedAt), Time(run.CompletedAt), run.Samples, request.Stage, compute,
            run.Tasks.Where(t => request.Tasks is null || request.Tasks.Contains(t, StringComparer.Ordinal)).ToList(),
            metrics.Select(m => new RiskEntries.MetricBody(m.Task, m.Metric, m.Variant, m.Value, m.Stderr, m.Samples, m.HigherIsBetter)).ToList(),
            run.Warnings.Take(50).ToList());
        var evidence = new EvidenceEntries.RecordedBody(upload.Sha256, request.Name, MediaType(run.Format, request.Name), upload.Size,
            RegistryNames.Subject(system, version), $"Evaluation results ({run.Format}{(run.FormatVersion is null ? "" : " " + run.FormatVersion)}), {request.Stage}");
        var result = await ledger.AppendAllAsync(
        [
            new LedgerWrite(EvidenceEntries.Recorded, user.Name, visibility, BodyJson.ToElement(evidence)),
            new LedgerWrite(RiskEntries.EvaluationImported, user.Name, visibility, BodyJson.ToElement(body)),
        ], cancellationToken);
        if (!result.Succeeded)
        {
            return result.Conflict!.Contains("too large", StringComparison.Ordinal)
                ? Outcome.Fail(StatusCodes.Status413PayloadTooLarge,
                    $"{request.Name} has {metrics.Count} metrics, more than one log entry holds; import it in parts with tasks=... (its tasks: {string.Join(", ", run.Tasks.Take(10))}{(run.Tasks.Count > 10 ? ", …" : "")}).")
                : Outcome.Fail(StatusCodes.Status409Conflict, result.Conflict!);
        }

        snapshots.NotifyChanged(system, version);
        IReadOnlyList<long> raised;
        try
        {
            raised = await alerts.CheckAsync(system, user.Name, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import is committed; a forecast that cannot be computed must not turn it into an error.
            logger.LogError(e, "The forecast check after importing {Name} for {System}@{Version} failed", request.Name, system, version);
            raised = [];
        }

        return new Outcome(StatusCodes.Status201Created, null, result.Index + 1, EvidenceIds.Format(result.Index), run, body, raised);
    }

    private static string? Time(DateTimeOffset? time) => time is { } t ? LedgerTime.Format(t) : null;

    private static string MediaType(string format, string name) => format switch
    {
        EvaluationFormats.Inspect when name.EndsWith(".eval", StringComparison.OrdinalIgnoreCase) => "application/zip",
        EvaluationFormats.HfModelIndex => "text/markdown",
        EvaluationFormats.Csv => "text/csv",
        _ => "application/json",
    };

    public static string? CheckStage(string stage) =>
        MitigationStage.IsKnown(stage) ? null : $"stage must be '{MitigationStage.Pre}' or '{MitigationStage.Post}'.";

    public static string Invariant(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
