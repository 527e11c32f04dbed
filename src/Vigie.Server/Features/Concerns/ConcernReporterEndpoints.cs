using Microsoft.AspNetCore.Mvc;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The reporter's API: no account, nothing identifying kept (<see cref="ConcernPrivacyMiddleware"/>
/// strips it first), a global rate limit, and request logging disabled. Receipts never travel:
/// only their locator and the access code derived from them on the reporter's machine.
/// </summary>
public static class ConcernReporterEndpoints
{
    public static void MapConcernReporting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/concerns");

        group.MapGet("/recipients", async (HttpContext context, ConcernFiling filing, [FromQuery] string[]? about) =>
        {
            var roles = about ?? [];
            if (roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
            {
                return Problems.BadRequest($"'{unknown}' is not a role. Roles are: {string.Join(", ", Roles.All)}.");
            }

            var (route, routing, problem) = await filing.RouteAsync(roles, context.RequestAborted);
            if (route is null)
            {
                return problem!;
            }

            var outside = routing!.Recipients.Where(r => r.OutsideLine).Select(r => r.User).ToHashSet(StringComparer.Ordinal);
            return Results.Ok(new
            {
                about = roles.Distinct(StringComparer.Ordinal),
                level = route.Level,
                tiers = route.Tiers,
                recipients = route.Recipients.Select(r => new
                {
                    name = r.User,
                    keyId = r.KeyId,
                    publicKey = r.PublicKey,
                    tier = ConcernRouting.TierName(route.Tiers, r.Tier),
                    readsAtOnce = r.Tier <= route.Level,
                    outsideLine = outside.Contains(r.User),
                }),
                zone = routing.Zone,
                externalChannels = routing.ExternalChannels,
                categories = ConcernNames.Categories,
                roles = Roles.All,
            });
        }).NotLogged();

        group.MapPost("", async (HttpContext context, ConcernFiling filing, ConcernRateLimits limits) =>
        {
            if (!limits.Submissions.TryTake())
            {
                return ConcernRateLimits.Busy();
            }

            var (request, bad) = await RequestJson.ReadAsync<ConcernRequests.File>(context.Request, ConcernRequests.MaxFileBytes);
            if (bad is not null)
            {
                return bad;
            }

            var (filed, problem) = await filing.FileAsync(request!, context.RequestAborted);
            return filed is null
                ? problem!
                : Results.Created((string?)null, new
                {
                    concern = filed.Concern,
                    index = filed.Index,
                    receivedIndex = filed.ReceivedIndex,
                    receivedOn = filed.ReceivedOn,
                    envelopeSha256 = filed.EnvelopeSha256,
                    pending = filed.EntersLogOn is not null,
                    entersLogOn = filed.EntersLogOn,
                });
        }).NotLogged();

        group.MapPost("/status", async (HttpContext context, ConcernFiling filing, ConcernViews views, ConcernRateLimits limits) =>
        {
            if (!limits.ReceiptChecks.TryTake())
            {
                return ConcernRateLimits.Busy();
            }

            var (request, bad) = await RequestJson.ReadAsync<ConcernRequests.Receipt>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var (concern, problem) = await filing.OpenAsync(request!.Locator, request.Access, context.RequestAborted);
            return concern is null ? problem! : Results.Ok(await views.ForReporterAsync(concern, context.RequestAborted));
        }).NotLogged();

        group.MapPost("/answers", async (HttpContext context, ConcernFiling filing, ConcernRateLimits limits) =>
        {
            if (!limits.ReceiptChecks.TryTake())
            {
                return ConcernRateLimits.Busy();
            }

            var (request, bad) = await RequestJson.ReadAsync<ConcernRequests.Answer>(context.Request, ConcernRequests.MaxMessageBytes);
            if (bad is not null)
            {
                return bad;
            }

            var (concern, problem) = await filing.OpenAsync(request!.Locator, request.Access, context.RequestAborted);
            if (concern is null)
            {
                return problem!;
            }

            var (index, answerProblem) = await filing.AnswerAsync(concern, request.Message, context.RequestAborted);
            return answerProblem ?? Results.Created((string?)null, new { concern = concern.Id, index });
        }).NotLogged();

        group.MapGet("/stats", async (HttpContext context, ConcernStatistics statistics) =>
            Results.Ok(await statistics.PublicAsync(context.RequestAborted)));
    }
}
