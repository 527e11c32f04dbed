using System.Text;
using System.Text.Json;
using Vigie.Core.Risk;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Risk;

/// <summary>/api/v1/risks: the risk register (internal: every call needs a token), its CSV export and import.</summary>
public static class RiskRegisterEndpoints
{
    public static void MapRiskRegister(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/risks", async (HttpContext context, RiskRegister register) =>
        {
            var (user, request, problem) = await ReadAsync(context);
            if (problem is not null)
            {
                return problem;
            }

            var (id, index, status, error) = await register.RecordAsync(user!, request!, context.RequestAborted);
            return error is not null ? Problems.Problem(status, "The risk cannot be recorded", error) : Results.Created($"/api/v1/risks/{id}", new { id, index });
        });

        app.MapPut("/api/v1/risks/{id}", async (HttpContext context, RiskRegister register, string id) =>
        {
            var (user, request, problem) = await ReadAsync(context);
            if (problem is not null)
            {
                return problem;
            }

            var (index, status, error) = await register.UpdateAsync(user!, id, request!, context.RequestAborted);
            return error is not null ? Problems.Problem(status, "The risk cannot be updated", error) : Results.Ok(new { id, index });
        });

        app.MapGet("/api/v1/risks", async (HttpContext context, RiskRegister register, string? overdue) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (overdue is not null and not ("true" or "false"))
            {
                return Problems.BadRequest("overdue must be true or false.");
            }

            var matrix = await register.MatrixAsync(context.RequestAborted);
            return Results.Ok((await register.ListAsync(overdue == "true", context.RequestAborted)).Select(r => Json(r, matrix, register)));
        });

        app.MapGet("/api/v1/risks/{id}", async (HttpContext context, RiskRegister register, string id) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            if (id == "export.csv")
            {
                var matrix = await register.MatrixAsync(context.RequestAborted);
                return Results.Text(RiskCsv.Write(await register.ListAsync(false, context.RequestAborted), matrix), "text/csv; charset=utf-8", Encoding.UTF8);
            }

            if (await register.GetAsync(id, context.RequestAborted) is not { } row)
            {
                return Problems.NotFound($"There is no risk '{id}' in the register.");
            }

            var changes = await register.ChangesAsync(id, context.RequestAborted);
            return Results.Ok(new
            {
                risk = Json(row, await register.MatrixAsync(context.RequestAborted), register),
                history = changes.Select(c => new
                {
                    index = c.LogIndex, kind = c.Kind, reason = c.Reason, changedAt = c.ChangedAt, changedBy = c.ChangedBy,
                    fields = JsonDocument.Parse(c.Fields).RootElement,
                }),
            });
        });

        app.MapPost("/api/v1/risks/import", async (HttpContext context, RiskRegister register) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            if (context.Request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return Problems.UnsupportedMediaType("Send the register as CSV with Content-Type: text/csv (the layout 'vigie risks export' writes).");
            }

            string text;
            using (var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false, true)))
            {
                try
                {
                    text = await reader.ReadToEndAsync(context.RequestAborted);
                }
                catch (DecoderFallbackException)
                {
                    return Problems.BadRequest("The CSV is not UTF-8 text.");
                }
            }

            var (rows, error) = RiskCsv.Read(text);
            if (rows is null)
            {
                return Problems.BadRequest(error!);
            }

            var matrix = await register.MatrixAsync(context.RequestAborted);
            var bodies = new List<RiskEntries.RiskBody>();
            foreach (var (id, request) in rows)
            {
                if (id is not null && await register.GetAsync(id, context.RequestAborted) is null)
                {
                    return Problems.BadRequest($"Row for '{id}': there is no such risk; leave the id empty to record a new one.");
                }

                var (body, invalid) = RiskRegister.Check(request, matrix, id);
                if (body is null)
                {
                    return Problems.BadRequest($"Row {(id ?? $"#{bodies.Count + 1}")}: {invalid}");
                }

                bodies.Add(body);
            }

            var result = await register.AppendAllAsync(user!, bodies, context.RequestAborted);
            return result.Succeeded
                ? Results.Created("/api/v1/risks", new
                {
                    recorded = bodies.Count(b => b.Risk is null),
                    updated = bodies.Count(b => b.Risk is not null),
                    firstIndex = result.Index,
                    ids = bodies.Select((b, i) => b.Risk ?? RiskIds.Format(result.Index + i)),
                })
                : Problems.Conflict(result.Conflict!);
        });
    }

    private static async Task<(CurrentUser? User, RiskRegister.RiskRequest? Request, IResult? Problem)> ReadAsync(HttpContext context)
    {
        var (user, denied) = Caller.Require(context, Roles.Writers);
        if (denied is not null)
        {
            return (null, null, denied);
        }

        var (request, bad) = await RequestJson.ReadAsync<RiskRegister.RiskRequest>(context.Request);
        return bad is not null ? (null, null, bad) : (user, request, null);
    }

    public static object Json(RiskRegister.RiskRow r, RiskMatrix matrix, RiskRegister register) => new
    {
        id = r.RiskId,
        category = r.Category,
        title = r.Title,
        description = r.Description,
        owner = r.Owner,
        likelihood = r.Likelihood,
        severity = r.Severity,
        rating = matrix.Rate((int)r.Likelihood, (int)r.Severity),
        treatment = r.Treatment,
        treatmentPlan = r.TreatmentPlan,
        residualLikelihood = r.ResidualLikelihood,
        residualSeverity = r.ResidualSeverity,
        residualRating = r.ResidualLikelihood is { } rl && r.ResidualSeverity is { } rs ? matrix.Rate((int)rl, (int)rs) : null,
        reviewDate = r.ReviewDate,
        overdue = register.IsOverdue(r),
        status = r.Status,
        links = r.LinkList,
        createdAt = r.CreatedAt,
        createdBy = r.CreatedBy,
        updatedAt = r.UpdatedAt,
        updatedBy = r.UpdatedBy,
        index = r.LogIndex,
        updatedIndex = r.UpdatedIndex,
    };
}
