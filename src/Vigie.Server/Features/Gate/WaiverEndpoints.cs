using Vigie.Core.Governance;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// /api/v1/waivers: request a waiver (it opens a waiver decision under the charter) and the list
/// of waivers with their justification — public ones for anyone, internal ones with a token.
/// </summary>
public static class WaiverEndpoints
{
    public static void MapWaivers(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/waivers", async (HttpContext context, DecisionOpening opening, DecisionQueries decisions, PolicyQueries policies) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<WaiverRequests.Request>(context.Request, limit: 16 * 1024);
            if (bad is not null)
            {
                return bad;
            }

            if (WaiverRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            if (WaiverRules.ParseExpiry(request!.ExpiresAt, out var expiresAt) is { } badExpiry)
            {
                return Problems.BadRequest(badExpiry);
            }

            if (await policies.ActivePolicyAsync(context.RequestAborted) is not { } active)
            {
                return Problems.Conflict("No policy is active, so there is no rule to waive.");
            }

            var proposal = new GateEntries.WaiverProposal(request.RuleId, request.Action, request.Reason, expiresAt!, active.PolicyVersion);
            if (WaiverRules.CheckShape(proposal) is { } shape)
            {
                return Problems.BadRequest(shape);
            }

            var open = new DecisionRequests.Open(DecisionTypes.Waiver,
                request.Title ?? $"Waive rule {request.RuleId} for {request.System}@{request.Version} {request.Action} until {expiresAt}",
                request.System, request.Version, request.Description, request.Visibility);
            var opened = await opening.OpenAsync(user!, open, context.RequestAborted, BodyJson.ToElement(proposal));
            if (!opened.Succeeded)
            {
                return opened.Problem();
            }

            DecisionIds.TryParse(opened.Decision, out var index);
            var decision = await decisions.GetAsync(index, includeInternal: true, context.RequestAborted);
            return Results.Created($"/api/v1/waivers/{opened.Decision}", new { decision = DecisionView.Of(decision!, user), waiver = proposal });
        });

        app.MapGet("/api/v1/waivers", async (
            HttpContext context, WaiverQueries waivers, PolicyQueries policies, TimeProvider time, string? system, string? limit) =>
        {
            if (system is not null && Registry.RegistryNames.CheckSystem(system) is { } badSystem)
            {
                return Problems.BadRequest("system: " + badSystem);
            }

            if (QueryNumbers.TryParse(limit, "limit", out var n, 100) is { } badLimit)
            {
                return badLimit;
            }

            if (n is < 1 or > 1000)
            {
                return Problems.BadRequest("limit must be between 1 and 1000.");
            }

            var active = await policies.ActivePolicyAsync(context.RequestAborted);
            var now = time.GetUtcNow();
            var rows = await waivers.ListAsync(Caller.Of(context) is not null, system, (int)n, context.RequestAborted);
            return Results.Ok(rows.Select(w => WaiverStanding.Json(w, active, now)));
        });

        app.MapGet("/api/v1/waivers/{decision}", async (HttpContext context, WaiverQueries waivers, PolicyQueries policies, TimeProvider time, string decision) =>
        {
            var signedIn = Caller.Of(context) is not null;
            return await waivers.GetAsync(decision, signedIn, context.RequestAborted) is { } row
                ? Results.Ok(WaiverStanding.Json(row, await policies.ActivePolicyAsync(context.RequestAborted), time.GetUtcNow()))
                : Problems.NotFound($"No waiver '{decision}' is visible to you{(signedIn ? "" : " (internal waivers need a token)")}.");
        });
    }
}
