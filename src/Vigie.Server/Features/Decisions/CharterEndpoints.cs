using Vigie.Core.Governance;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// /api/v1/charters: the charter in force and its history (public: how decisions are taken is
/// not a secret), and the adoption of the very first charter by an admin.
/// </summary>
public static class CharterEndpoints
{
    public static void MapCharters(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/charters", async (HttpContext context, DecisionOpening opening, DecisionQueries queries) =>
        {
            var (admin, denied) = Caller.Require(context, [Roles.Admin]);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<DecisionRequests.AdoptCharter>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var outcome = await opening.AdoptFirstCharterAsync(admin!, request!.Yaml, context.RequestAborted);
            return outcome.Succeeded
                ? Results.Created("/api/v1/charters/current", Json((await queries.CurrentCharterAsync(context.RequestAborted))!))
                : outcome.Problem();
        });

        app.MapGet("/api/v1/charters/current", async (HttpContext context, DecisionQueries queries) =>
            await queries.CurrentCharterAsync(context.RequestAborted) is { } current
                ? Results.Ok(Json(current))
                : Problems.NotFound("No charter is in force yet: an admin adopts one with 'vigie charters adopt FILE' (presets are in presets/charters/)."));

        app.MapGet("/api/v1/charters", async (HttpContext context, DecisionQueries queries) =>
            Results.Ok((await queries.CharterHistoryAsync(context.RequestAborted)).Select(c => new
            {
                name = c.Name,
                version = c.Version,
                digest = c.Digest,
                index = c.LogIndex,
                adoptedAt = c.AdoptedAt,
                adoptedBy = c.AdoptedBy,
                decision = c.Decision,
            })));
    }

    private static object Json(DecisionQueries.CharterRow row)
    {
        var charter = row.Charter;
        return new
        {
            name = charter.Name,
            version = charter.Version,
            title = charter.Title,
            description = charter.Description,
            digest = charter.Digest,
            index = row.LogIndex,
            adoptedAt = row.AdoptedAt,
            adoptedBy = row.AdoptedBy,
            decision = row.Decision,
            rules = DecisionTypes.All.Select(type => charter.RuleFor(type)).Select(rule => new
            {
                type = rule.Type,
                stages = rule.Stages.Select(s => new { name = s.Name, role = s.Role, quorum = s.Quorum.ToString(), kind = DecisionStateJson.Name(s.Kind) }),
                veto = rule.VetoRoles,
                review = rule.Review is { } review ? new { role = review.Role, withinDays = review.Days } : null,
                openerRecused = rule.Recusal.OpenerRecused,
                mayRecuseOthers = rule.Recusal.MayRecuseOthers,
            }),
            yaml = row.Yaml,
        };
    }
}
