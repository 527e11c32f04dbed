using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// /api/v1/gate/dossier: the release dossier the gate would evaluate now, in its canonical form
/// (RFC 8785), so its SHA-256 is the <c>dossierDigest</c> a gate result would carry at that
/// instant. For policy authors and CI debugging; it reads internal facts, so it needs a token.
/// </summary>
public static class DossierEndpoints
{
    public static void MapDossiers(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/gate/dossier", async (
            HttpContext context, DossierBuilder builder, PolicyQueries policies, TimeProvider time, string? system, string? version, string? action) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (system is null || version is null || action is null)
            {
                return Problems.BadRequest("Give the query parameters system, version and action, e.g. ?system=atlas&version=1.0&action=deploy-external.");
            }

            var policy = await policies.ActivePolicyAsync(context.RequestAborted);
            var build = await builder.BuildAsync(new DossierRequest(system, version, action, time.GetUtcNow()), policy, context.RequestAborted);
            if (!build.Succeeded)
            {
                return GateProblems.Of(build.Status, build.Error!);
            }

            context.Response.Headers["Vigie-Dossier-Digest"] = build.Dossier!.Sha256;
            return Results.Bytes(build.Dossier.CanonicalJson, "application/json");
        });
}
