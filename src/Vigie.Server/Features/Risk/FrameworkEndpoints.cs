using Vigie.Core.Risk;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Risk;

/// <summary>/api/v1/frameworks: propose a framework (with its framework-change decision), and read the one in force and its history (public).</summary>
public static class FrameworkEndpoints
{
    public sealed record ProposeRequest(string Yaml, string? Title = null, string? Description = null);

    public static void MapFrameworks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/frameworks/proposals", async (HttpContext context, FrameworkProposals proposals) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<ProposeRequest>(context.Request, 128 * 1024);
            if (bad is not null)
            {
                return bad;
            }

            if (request!.Title is { } t && TextRules.Check("title", t, 1, 200) is { } titleError)
            {
                return Problems.BadRequest(titleError);
            }

            if (request.Description is { } d && TextRules.Check("description", d, 0, 4000, multiline: true) is { } descriptionError)
            {
                return Problems.BadRequest(descriptionError);
            }

            var (result, status, error) = await proposals.ProposeAsync(user!, request.Yaml, request.Title, request.Description, context.RequestAborted);
            return result is null
                ? Problems.Problem(status, status == StatusCodes.Status400BadRequest ? "The request is not valid" : "Refused", error!)
                : Results.Created($"/api/v1/decisions/{result.Decision}", new
                {
                    decision = result.Decision,
                    index = result.Index,
                    name = result.Framework.Name,
                    version = result.Framework.Version,
                    digest = result.Framework.Digest,
                    status = "proposed",
                });
        });

        app.MapGet("/api/v1/frameworks/current", async (HttpContext context, RiskQueries queries) =>
            await queries.CurrentFrameworkAsync(context.RequestAborted) is { } current
                ? Results.Ok(RiskJson.Framework(current))
                : Problems.NotFound("No risk framework is in force yet: propose one with 'vigie frameworks adopt presets/frameworks/preparedness-style.yaml' and approve its framework-change decision."));

        app.MapGet("/api/v1/frameworks", async (HttpContext context, RiskQueries queries) =>
            Results.Ok((await queries.FrameworkHistoryAsync(context.RequestAborted)).Select(p => new
            {
                name = p.Name,
                version = p.Version,
                digest = p.Digest,
                decision = p.Decision,
                status = p.Status,
                proposedAt = p.ProposedAt,
                proposedBy = p.ProposedBy,
                index = p.LogIndex,
                adoptedIndex = p.AdoptedIndex,
                adoptedAt = p.AdoptedAt,
            })));
    }

    public static object LevelJson(FrameworkLevel l) => new { id = l.Id, name = l.Name, risk = l.Risk, asl = l.Asl, description = l.Description };
}
