using Vigie.Core.Ledger;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Gate;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Registry;

/// <summary>
/// /api/v1/systems/{system}/aliases: named pointers at versions. Moving one is a deployment, so it
/// needs an approved, not reversed decision of the alias's type about the target version, and —
/// once a policy is active — a release gate that does not deny that action.
/// </summary>
public static class AliasesEndpoints
{
    public sealed record MoveAlias(string Version, string? ExpectedVersion = null, string? Decision = null);

    public static void MapAliases(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/systems/{system}/aliases", async (HttpContext context, RegistryQueries registry, string system) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetSystemAsync(system, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No system '{system}'", signedIn);
            }

            var history = await registry.AliasHistoryAsync(system, null, signedIn, context.RequestAborted);
            var current = await registry.ListAliasesAsync(system, signedIn, context.RequestAborted);
            return Results.Ok(new { current = current.Select(RegistryJson.Alias), history = history.Select(RegistryJson.Alias) });
        });

        app.MapPut("/api/v1/systems/{system}/aliases/{alias}", async (
            HttpContext context, Ledger.Ledger ledger, RegistryQueries registry, DecisionQueries decisions, AliasGate gate, string system, string alias) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<MoveAlias>(context);
            if (problem is not null)
            {
                return problem;
            }

            if ((RegistryNames.CheckAlias(alias) ?? RegistryNames.CheckVersion(request!.Version)) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            if (request!.ExpectedVersion is not null && RegistryNames.CheckVersion(request.ExpectedVersion) is { } badExpected)
            {
                return Problems.BadRequest("expectedVersion: " + badExpected);
            }

            var version = await registry.GetVersionAsync(system, request.Version, context.RequestAborted);
            if (version is null)
            {
                return Problems.NotFound($"No version {system}@{request.Version} is registered.");
            }

            var type = RegistryNames.DecisionTypeFor(alias);
            var approved = await decisions.FindApprovedAsync(system, request.Version, type, context.RequestAborted);
            if (approved is null)
            {
                return Problems.Conflict(
                    $"Moving '{alias}' to {system}@{request.Version} is a deployment and needs an approved {type} decision about that version; " +
                    $"none exists (or it was reversed). Open one: vigie decisions open --type {type} --system {system} --version {request.Version} --title \"...\".");
            }

            if (request.Decision is not null && request.Decision != approved.Id)
            {
                return Problems.Conflict($"Decision {request.Decision} is not the approved {type} decision for {system}@{request.Version}; that is {approved.Id}.");
            }

            var current = (await registry.ListAliasesAsync(system, true, context.RequestAborted)).FirstOrDefault(a => a.Alias == alias);
            if (request.ExpectedVersion is not null && request.ExpectedVersion != current?.Version)
            {
                return Problems.Conflict($"Alias '{alias}' points at {(current is null ? "nothing" : $"'{current.Version}'")}, not '{request.ExpectedVersion}'.");
            }

            // A deployment passes the release gate for the alias's action; the evaluation is logged either way.
            var gateRun = await gate.RunForAliasAsync(user!.Name, system, request.Version, type, context.RequestAborted);
            if (gateRun.Refusal is { } refusal)
            {
                return refusal;
            }

            // An alias move is as public as the version it points at: a public move of an internal version would reveal it.
            VisibilityNames.TryParse(version.Visibility, out var visibility);
            var body = new RegistryEntries.AliasBody(system, alias, request.Version, current?.Version, approved.Id, type, gateRun.Check?.Index);
            var writes = new List<LedgerWrite> { new(RegistryEntries.AliasMoved, user.Name, visibility, BodyJson.ToElement(body)) };
            if (type == "deploy-external" && version.Status != "deployed")
            {
                // An external deployment makes the version deployed, in the same transaction as the move.
                var status = new RegistryEntries.StatusBody(system, request.Version, "deployed", $"Alias '{alias}' moved here under {approved.Id}.");
                writes.Add(new LedgerWrite(RegistryEntries.VersionStatusChanged, user.Name, visibility, BodyJson.ToElement(status)));
            }

            var result = await ledger.AppendAllAsync(writes, context.RequestAborted);
            return result.Succeeded
                ? Results.Ok(new
                {
                    system,
                    alias,
                    version = request.Version,
                    previousVersion = current?.Version,
                    decision = approved.Id,
                    decisionType = type,
                    index = result.Index,
                    movedAt = LedgerTime.Format(result.Time),
                    movedBy = user.Name,
                    gate = gateRun.Check is { } check
                        ? new { result = check.Result!.Result, index = check.Index, policyVersion = check.Result.PolicyVersion, dossierDigest = check.Result.DossierDigest }
                        : null,
                })
                : Problems.Conflict(result.Conflict!);
        });
    }
}
