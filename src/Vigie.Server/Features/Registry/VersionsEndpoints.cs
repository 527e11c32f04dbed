using Vigie.Core.Ledger;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Registry;

/// <summary>/api/v1/systems/{system}/versions: versions, their status, training runs and evidence snapshot.</summary>
public static class VersionsEndpoints
{
    public static void MapVersions(this IEndpointRouteBuilder app)
    {
        const string Versions = "/api/v1/systems/{system}/versions";
        const string Version = Versions + "/{version}";

        app.MapPost(Versions, async (HttpContext context, Ledger.Ledger ledger, RegistryQueries registry, EvidenceSnapshots snapshots, string system) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<RegistryRequests.RegisterVersion>(context);
            if (problem is not null)
            {
                return problem;
            }

            if (RegistryRequests.Check(request!, out var visibility) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            if (await registry.GetSystemAsync(system, true, context.RequestAborted) is null)
            {
                return Problems.NotFound($"There is no system '{system}'; register it first (vigie systems add {system}).");
            }

            var weights = request!.Weights;
            var body = new RegistryEntries.VersionBody(
                system, request.Version, request.Kind ?? "model", request.Status ?? "development", request.BaseVersion, request.BaseModel,
                weights?.Sha256.ToLowerInvariant(), request.Description);
            var writes = new List<LedgerWrite>();
            if (weights is not null)
            {
                // The weights digest is evidence like any other file: recorded in the same transaction as the version.
                var evidence = new EvidenceEntries.RecordedBody(
                    body.WeightsSha256!, weights.Name ?? $"{system}@{request.Version} weights", "application/octet-stream", weights.Size,
                    RegistryNames.Subject(system, request.Version), "Model weights");
                writes.Add(new LedgerWrite(EvidenceEntries.Recorded, user!.Name, visibility, BodyJson.ToElement(evidence)));
            }

            writes.Add(new LedgerWrite(RegistryEntries.VersionRegistered, user!.Name, visibility, BodyJson.ToElement(body)));
            var result = await ledger.AppendAllAsync(writes, context.RequestAborted);
            if (!result.Succeeded)
            {
                return Problems.Conflict(result.Conflict!);
            }

            if (weights is not null)
            {
                snapshots.NotifyChanged(system, request.Version);
            }

            var index = result.Index + writes.Count - 1;
            return Results.Created($"/api/v1/systems/{system}/versions/{body.Version}", new
            {
                system,
                version = body.Version,
                index,
                weightsEvidence = weights is null ? null : EvidenceIds.Format(result.Index),
                visibility = VisibilityNames.Of(visibility),
                createdAt = LedgerTime.Format(result.Time),
                createdBy = user.Name,
            });
        });

        app.MapGet(Versions, async (HttpContext context, RegistryQueries registry, string system) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetSystemAsync(system, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No system '{system}'", signedIn);
            }

            var rows = await registry.ListVersionsAsync(system, signedIn, context.RequestAborted);
            return Results.Ok(rows.Select(RegistryJson.Version));
        });

        app.MapGet(Version, async (HttpContext context, RegistryQueries registry, string system, string version) =>
        {
            var signedIn = Caller.Of(context) is not null;
            var row = await registry.GetVersionAsync(system, version, signedIn, context.RequestAborted);
            if (row is null)
            {
                return RegistryHttp.NotFound($"No version {system}@{version}", signedIn);
            }

            var runs = await registry.ListTrainingRunsAsync(system, version, signedIn, context.RequestAborted);
            var statuses = await registry.ListStatusChangesAsync(system, version, signedIn, context.RequestAborted);
            var aliases = (await registry.ListAliasesAsync(system, signedIn, context.RequestAborted)).Where(a => a.Version == version);
            return Results.Ok(new
            {
                version = RegistryJson.Version(row),
                trainingRuns = runs.Select(RegistryJson.TrainingRun),
                // Only what this caller can see is summed, so the total never leaks internal runs.
                trainingComputeFlop = runs.Sum(r => r.ComputeFlop ?? 0),
                totalComputeFlopWithLineage = signedIn ? await registry.TotalComputeFlopAsync(system, version, context.RequestAborted) : (double?)null,
                statusChanges = statuses.Select(RegistryJson.StatusChange),
                aliases = aliases.Select(a => a.Alias),
            });
        });

        app.MapPost(Version + "/status", async (HttpContext context, Ledger.Ledger ledger, RegistryQueries registry, string system, string version) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<RegistryRequests.ChangeStatus>(context);
            if (problem is not null)
            {
                return problem;
            }

            if (RegistryRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            return await AppendAboutVersionAsync(context, ledger, registry, system, version, RegistryEntries.VersionStatusChanged, user!,
                new RegistryEntries.StatusBody(system, version, request!.Status, request.Reason));
        });

        app.MapPost(Version + "/training-runs", async (HttpContext context, Ledger.Ledger ledger, RegistryQueries registry, string system, string version) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<RegistryRequests.RecordTrainingRun>(context);
            if (problem is not null)
            {
                return problem;
            }

            if (RegistryRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var r = request!;
            return await AppendAboutVersionAsync(context, ledger, registry, system, version, RegistryEntries.TrainingRunRecorded, user!,
                new RegistryEntries.TrainingRunBody(system, version, r.Run, r.StartedOn, r.EndedOn, r.Hardware, r.AcceleratorHours, r.ComputeFlop, r.Tokens, r.Notes));
        });

        app.MapGet(Version + "/snapshot", async (HttpContext context, RegistryQueries registry, EvidenceSnapshots snapshots, string system, string version) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (await registry.GetVersionAsync(system, version, context.RequestAborted) is null)
            {
                return Problems.NotFound($"No version {system}@{version} is registered.");
            }

            var snapshot = await snapshots.TakeAsync(system, version, context.RequestAborted);
            return Results.Ok(new { system, version, digest = snapshot.Digest, items = snapshot.Items });
        });
    }

    /// <summary>
    /// Records a fact about an existing version with the version's own visibility, so a status
    /// change or a training run is never more public than the version it is about.
    /// </summary>
    private static async Task<IResult> AppendAboutVersionAsync<T>(
        HttpContext context, Ledger.Ledger ledger, RegistryQueries registry, string system, string version, string kind, CurrentUser user, T body)
    {
        var row = await registry.GetVersionAsync(system, version, context.RequestAborted);
        if (row is null)
        {
            return Problems.NotFound($"No version {system}@{version} is registered.");
        }

        VisibilityNames.TryParse(row.Visibility, out var visibility);
        var result = await ledger.AppendAsync(new LedgerWrite(kind, user.Name, visibility, BodyJson.ToElement(body)), context.RequestAborted);
        return result.Succeeded
            ? Results.Ok(new { system, version, index = result.Index, visibility = row.Visibility, recordedAt = LedgerTime.Format(result.Time), recordedBy = user.Name })
            : Problems.Conflict(result.Conflict!);
    }
}
