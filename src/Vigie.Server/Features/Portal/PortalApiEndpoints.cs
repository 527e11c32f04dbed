using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// /api/v1/portal: publish a withheld entry or state why it is withheld (admin); read the public
/// statistics and governance documents as JSON (anyone).
/// </summary>
public static class PortalApiEndpoints
{
    public sealed record DisclosureRequest(long? Entry = null, string? Reason = null);

    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/portal");

        group.MapPost("/disclosures", async (HttpContext context, PortalDisclosures disclosures) =>
        {
            var (user, request, problem) = await AdminRequestAsync(context);
            if (problem is not null)
            {
                return problem;
            }

            if (request!.Entry is not { } entry)
            {
                return Problems.BadRequest("Give \"entry\": the index of the internal or confidential entry to publish.");
            }

            var (index, refused) = await disclosures.PublishAsync(user!.Name, entry, request.Reason, context.RequestAborted);
            return refused ?? Results.Created($"/entries/{entry}", new { index, entry, page = $"/entries/{entry}" });
        });

        group.MapPost("/redaction-reasons", async (HttpContext context, PortalDisclosures disclosures) =>
        {
            var (user, request, problem) = await AdminRequestAsync(context);
            if (problem is not null)
            {
                return problem;
            }

            if (request!.Entry is not { } entry || request.Reason is null)
            {
                return Problems.BadRequest("Give \"entry\" (the withheld entry's index) and \"reason\" (why it is withheld, shown to the public).");
            }

            var (index, refused) = await disclosures.StateReasonAsync(user!.Name, entry, request.Reason, context.RequestAborted);
            return refused ?? Results.Created($"/entries/{entry}", new { index, entry, page = $"/entries/{entry}" });
        });

        group.MapGet("/statistics", async (HttpContext context, PortalData data, string? from, string? to) =>
        {
            if (PortalPeriod.Parse(from, to, out var period) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var snapshot = await data.CurrentAsync(context.RequestAborted);
            return Results.Ok(new
            {
                checkpoint = new { size = snapshot.Checkpoint.Size, rootHash = Convert.ToBase64String(snapshot.Checkpoint.Checkpoint.RootHash) },
                period = period.Describe(),
                groups = await data.StatisticsAsync(period, context.RequestAborted),
            });
        });

        group.MapGet("/documents", async (HttpContext context, PortalData data) => Results.Ok(await data.DocumentsAsync(context.RequestAborted)));
    }

    /// <summary>Both acts on withheld entries are an admin's, with the same small body.</summary>
    private static async Task<(CurrentUser? User, DisclosureRequest? Request, IResult? Problem)> AdminRequestAsync(HttpContext context)
    {
        var (user, problem) = Caller.Require(context, [Roles.Admin]);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var (request, bad) = await RequestJson.ReadAsync<DisclosureRequest>(context.Request);
        return (user, request, bad);
    }
}
