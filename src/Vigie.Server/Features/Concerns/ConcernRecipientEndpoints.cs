using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Concerns;

/// <summary>The organisation's API (bearer tokens): keys, routing, reading and handling concerns, the board digest.</summary>
public static class ConcernRecipientEndpoints
{
    public static void MapConcernHandling(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/concerns");

        group.MapPost("/recipient-keys", async (HttpContext context, ConcernHandling handling) =>
        {
            var (caller, problem) = Caller.Require(context, [Roles.Admin, Roles.ConcernRecipient]);
            if (problem is not null)
            {
                return problem;
            }

            var (request, bad) = await RequestJson.ReadAsync<ConcernRequests.RecipientKey>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var (index, keyId, refused) = await handling.RegisterKeyAsync(caller!, request!, context.RequestAborted);
            return refused ?? Results.Created((string?)null, new { user = request!.User, keyId, index });
        });

        group.MapGet("/routing", async (HttpContext context, ConcernQueries queries, ConcernHandling handling) =>
        {
            var (routing, source, _) = await queries.RoutingSourceAsync(context.RequestAborted);
            return routing is null
                ? Problems.NotFound("No concern routing is set yet: an admin sets it with PUT /api/v1/concerns/routing (vigie concerns routing), or the charter's 'concerns' section does.")
                : Results.Ok(new
                {
                    recipients = routing.Recipients,
                    tiers = routing.Tiers,
                    zone = routing.Zone,
                    externalChannels = routing.ExternalChannels,
                    source,
                    problem = await handling.RoutingProblemAsync(routing, context.RequestAborted),
                });
        });

        group.MapPut("/routing", async (HttpContext context, ConcernHandling handling) =>
        {
            var (admin, problem) = Caller.Require(context, [Roles.Admin]);
            if (problem is not null)
            {
                return problem;
            }

            var (request, bad) = await RequestJson.ReadAsync<ConcernRequests.Routing>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var (index, refused) = await handling.SetRoutingAsync(admin!, request!, context.RequestAborted);
            return refused ?? Results.Ok(new { index });
        });

        group.MapGet("/inbox", async (HttpContext context, ConcernQueries queries, ConcernViews views) =>
        {
            var (user, problem) = Caller.Require(context, [Roles.ConcernRecipient]);
            if (problem is not null)
            {
                return problem;
            }

            var concerns = new List<object>();
            foreach (var concern in await queries.VisibleToAsync(user!.Name, context.RequestAborted))
            {
                concerns.Add(await views.ForRecipientAsync(concern, context.RequestAborted));
            }

            return Results.Ok(concerns);
        });

        group.MapGet("/digest", async (HttpContext context, ConcernStatistics statistics, string? quarter) =>
        {
            var (user, problem) = Caller.Require(context, [Roles.Board, Roles.Auditor]);
            if (problem is not null)
            {
                return problem;
            }

            return ConcernNames.TryParseQuarter(quarter, out var first, out var last)
                ? Results.Ok(await statistics.DigestAsync(quarter!, first, last, user!.Roles.Append(Roles.Board).ToList(), context.RequestAborted))
                : Problems.BadRequest("Give quarter=YYYY-QN, e.g. quarter=2026-Q4.");
        });

        group.MapGet("/{id}", async (HttpContext context, string id, ConcernHandling handling, ConcernViews views) =>
        {
            var (user, problem) = Caller.Require(context, [Roles.ConcernRecipient]);
            if (problem is not null)
            {
                return problem;
            }

            var (concern, hidden) = await handling.VisibleAsync(user!, id, context.RequestAborted);
            return concern is null ? hidden! : Results.Ok(await views.ForRecipientAsync(concern, context.RequestAborted));
        });

        MapStep(group, "/{id}/acknowledge", ConcernNames.StepAcknowledged);
        MapStep(group, "/{id}/replies", ConcernNames.StepReplied);
        MapStep(group, "/{id}/close", ConcernNames.StepClosed);
    }

    private static void MapStep(RouteGroupBuilder group, string pattern, string step) =>
        group.MapPost(pattern, async (HttpContext context, string id, ConcernHandling handling) =>
        {
            var (user, problem) = Caller.Require(context, [Roles.ConcernRecipient]);
            if (problem is not null)
            {
                return problem;
            }

            var (request, bad) = await RequestJson.ReadAsync<ConcernRequests.Step>(context.Request, ConcernRequests.MaxMessageBytes);
            if (bad is not null)
            {
                return bad;
            }

            var (concern, hidden) = await handling.VisibleAsync(user!, id, context.RequestAborted);
            if (concern is null)
            {
                return hidden!;
            }

            var (index, refused) = await handling.StepAsync(user!, concern, step, request!, context.RequestAborted);
            return refused ?? Results.Created((string?)null, new { concern = concern.Id, step, index });
        });
}
