using Vigie.Core.Policies;
using Vigie.Server.Features.Decisions;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>
/// /api/v1/policies: the active policy and its history (public), proposals, a check of a text
/// (does it load, what would change), and proposing a text — which opens a policy-change decision.
/// </summary>
public static class PolicyEndpoints
{
    public static void MapPolicies(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/policies", async (HttpContext context, PolicyApply apply, DecisionQueries decisions) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<PolicyRequests.Apply>(context.Request, PolicyRequests.MaxBodyBytes);
            if (bad is not null)
            {
                return bad;
            }

            if (PolicyRequests.Validate(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var (review, opened) = await apply.ProposeAsync(user!, request!, context.RequestAborted);
            if (review.Load.Policy is null)
            {
                return LoadProblem(review.Load);
            }

            if (review.Refusal is not null)
            {
                return Problems.Conflict(review.Refusal);
            }

            if (!opened!.Succeeded)
            {
                return opened.Problem();
            }

            DecisionIds.TryParse(opened.Decision, out var index);
            var decision = await decisions.GetAsync(index, includeInternal: true, context.RequestAborted);
            return Results.Created($"/api/v1/decisions/{opened.Decision}", new
            {
                decision = DecisionView.Of(decision!, user),
                policyVersion = review.Load.Policy.PolicyVersion,
                sha256 = review.Load.Policy.Sha256,
                activeVersion = review.Active?.PolicyVersion,
                changes = PolicyJson.Changes(review.Diff!),
                diff = review.Diff!.ToUnified(),
            });
        });

        app.MapPost("/api/v1/policies/check", async (HttpContext context, PolicyApply apply) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<PolicyRequests.Check>(context.Request, PolicyRequests.MaxBodyBytes);
            if (bad is not null)
            {
                return bad;
            }

            var review = await apply.ReviewAsync(request!.Text, context.RequestAborted);
            return review.Load.Policy is not { } policy
                ? LoadProblem(review.Load)
                : Results.Ok(new
                {
                    policyVersion = policy.PolicyVersion,
                    sha256 = policy.Sha256,
                    rules = policy.Rules.Count,
                    activeVersion = review.Active?.PolicyVersion,
                    refusal = review.Refusal,
                    changes = PolicyJson.Changes(review.Diff!),
                    diff = review.Diff!.ToUnified(),
                });
        });

        app.MapGet("/api/v1/policies/active", async (HttpContext context, PolicyQueries policies) =>
            await policies.ActiveAsync(context.RequestAborted) is { } active
                ? Results.Ok(PolicyJson.Policy(active))
                : Problems.NotFound(GateChecks.NoPolicy));

        app.MapGet("/api/v1/policies", async (HttpContext context, PolicyQueries policies) =>
            Results.Ok((await policies.HistoryAsync(context.RequestAborted)).Select(p => PolicyJson.Policy(p, withText: false))));

        app.MapGet("/api/v1/policies/{index}", async (HttpContext context, PolicyQueries policies, string index) =>
        {
            if (QueryNumbers.TryParse(index, "index", out var n) is { } badIndex)
            {
                return badIndex;
            }

            return await policies.GetAsync(n, context.RequestAborted) is { } row
                ? Results.Ok(PolicyJson.Policy(row))
                : Problems.NotFound($"No policy was made active by log entry {n} (GET /api/v1/policies lists them).");
        });

        app.MapGet("/api/v1/policies/proposals", async (HttpContext context, PolicyQueries policies, string? open) =>
        {
            if (open is not null and not ("true" or "false"))
            {
                return Problems.BadRequest("open must be true or false.");
            }

            var rows = await policies.ProposalsAsync(Caller.Of(context) is not null, open == "true", context.RequestAborted);
            return Results.Ok(rows.Select(p => PolicyJson.Proposal(p, null, withText: false)));
        });

        app.MapGet("/api/v1/policies/proposals/{decision}", async (HttpContext context, PolicyQueries policies, string decision) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await policies.ProposalAsync(decision, signedIn, context.RequestAborted) is not { } proposal)
            {
                return Problems.NotFound($"No policy proposal '{decision}' is visible to you{(signedIn ? "" : " (internal decisions need a token)")}.");
            }

            var based = proposal.BasedOn is null ? null : (await policies.HistoryAsync(context.RequestAborted)).FirstOrDefault(p => p.Sha256 == proposal.BasedOn);
            var diff = PolicyDiff.Compute(based?.Policy, PolicyCache.Get(proposal.Sha256, proposal.Text));
            return Results.Ok(PolicyJson.Proposal(proposal, diff, withText: true));
        });
    }

    /// <summary>400 with every load error, each naming its rule, line and column.</summary>
    public static IResult LoadProblem(PolicyLoad load) => Results.Problem(
        detail: "The policy does not load, so it cannot be proposed (the active policy is unchanged):\n" + load.ErrorText,
        statusCode: StatusCodes.Status400BadRequest,
        title: "The policy does not load",
        extensions: new Dictionary<string, object?> { ["errors"] = PolicyJson.Errors(load) });
}
