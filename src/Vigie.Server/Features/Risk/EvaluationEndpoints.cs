using System.Globalization;
using Microsoft.Extensions.Options;
using Vigie.Core.Formats.Evaluations;
using Vigie.Core.Risk;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// /api/v1/systems/{system}/versions/{version}/evaluations: import an evaluation file (the raw
/// bytes as the body, streamed) and list a version's evaluations; /api/v1/evaluations/due: what the
/// framework's cadence says must be evaluated again.
/// </summary>
public static class EvaluationEndpoints
{
    private const string Path = "/api/v1/systems/{system}/versions/{version}/evaluations";

    public static void MapEvaluations(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpContext context, EvaluationImports imports, IOptions<RiskOptions> options, string system, string version,
            string? name, string? format, string? stage, string? effectiveCompute, string? visibility, string? tasks) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            double? compute = null;
            if (effectiveCompute is not null)
            {
                if (!double.TryParse(effectiveCompute, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || !double.IsFinite(c) || c <= 0)
                {
                    return Problems.BadRequest($"effectiveCompute must be a positive number of FLOP, such as 3e24; got '{effectiveCompute}'.");
                }

                compute = c;
            }

            var invalid = (name is null ? "Give the file's name: name=results.json (it is recorded with the evidence)." : TextRules.Check("name", name, 1, 200))
                ?? (format is not null && !EvaluationFormats.IsKnown(format) ? $"format must be one of {string.Join(", ", EvaluationFormats.All)} (or left out to detect it)." : null)
                ?? EvaluationImports.CheckStage(stage ?? MitigationStage.Pre)
                ?? (visibility is null or "public" or "internal" ? null : "visibility must be 'public' or 'internal'.")
                ?? (tasks is { Length: > 4000 } ? "tasks is too long." : null);
            if (invalid is not null)
            {
                return Problems.BadRequest(invalid);
            }

            var (upload, tooLarge, empty) = await EvaluationUpload.ReceiveAsync(context, options.Value.MaxUploadBytes);
            if (upload is null)
            {
                return tooLarge is not null ? Problems.TooLarge(tooLarge) : Problems.BadRequest(empty!);
            }

            await using (upload)
            {
                var request = new EvaluationImports.Request(name!, format, stage ?? MitigationStage.Pre, compute, visibility,
                    tasks?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                var outcome = await imports.ImportAsync(user!, system, version, upload, request, context.RequestAborted);
                if (outcome.Error is not null)
                {
                    return Problems.Problem(outcome.Status, outcome.Status == StatusCodes.Status400BadRequest ? "The file cannot be imported" : "Refused", outcome.Error);
                }

                var body = outcome.Body!;
                return Results.Created($"{Path.Replace("{system}", system).Replace("{version}", version)}/{RiskIds.Evaluation(outcome.Index)}", new
                {
                    id = RiskIds.Evaluation(outcome.Index),
                    index = outcome.Index,
                    evidence = outcome.Evidence,
                    sha256 = body.Sha256,
                    size = body.Size,
                    format = body.Format,
                    formatVersion = body.FormatVersion,
                    model = body.Model,
                    harness = body.Harness,
                    harnessVersion = body.HarnessVersion,
                    stage = body.Stage,
                    effectiveComputeFlop = body.EffectiveComputeFlop,
                    tasks = body.Tasks,
                    metrics = body.Metrics.Count,
                    warnings = body.Warnings,
                    alerts = outcome.Alerts,
                });
            }
        });

        app.MapGet(Path, async (HttpContext context, RiskQueries queries, RegistryQueries registry, string system, string version) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetVersionAsync(system, version, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No version {system}@{version}", signedIn);
            }

            var rows = await queries.EvaluationsAsync(system, version, signedIn, context.RequestAborted);
            var metrics = (await queries.MetricsAsync(rows.Select(r => r.LogIndex).ToList(), context.RequestAborted)).ToLookup(m => m.Evaluation);
            return Results.Ok(rows.Select(r => RiskJson.Evaluation(r, metrics[r.LogIndex])));
        });

        app.MapGet("/api/v1/evaluations/due", async (HttpContext context, EvaluationCadenceCheck due) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (await due.CheckAsync(context.RequestAborted) is not { } list)
            {
                return Problems.NotFound("No risk framework is in force, so no evaluation cadence is set; adopt one first (vigie frameworks adopt FILE).");
            }

            return Results.Ok(list.Select(d => new
            {
                system = d.System,
                latestVersion = d.LatestVersion,
                latestComputeFlop = d.LatestComputeFlop,
                lastFullEvaluation = d.LastFullVersion is null ? null : new { version = d.LastFullVersion, computeFlop = d.LastFullComputeFlop, at = d.LastFullAt },
                due = d.Due,
                reason = d.Reason,
                nextDueAt = d.NextDueAt,
                nextDueComputeFlop = d.NextDueComputeFlop,
            }));
        });
    }
}
