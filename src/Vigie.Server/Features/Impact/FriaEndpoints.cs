using System.Globalization;
using System.Text.Json.Nodes;
using Vigie.Core.Impact.Rights;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Impact;

/// <summary>/api/v1/systems/{system}/frias: fundamental rights impact assessments per deployment, their revisions, review and export.</summary>
public static class FriaEndpoints
{
    public const string Route = "/api/v1/systems/{system}/frias";

    public static void MapFrias(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (HttpContext context, FriaQueries frias, RegistryQueries registry, string system) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetSystemAsync(system, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No system '{system}'", signedIn);
            }

            var list = new JsonArray();
            foreach (var row in await frias.ListAsync(system, signedIn, context.RequestAborted))
            {
                var decisions = await frias.DecisionsAsync(system, row.Deployment, signedIn, context.RequestAborted);
                list.Add(FriaJson.Summary(row, FriaStatus.Of(row, decisions)));
            }

            return Results.Json(list);
        });

        app.MapGet(Route + "/{deployment}", async (HttpContext context, FriaQueries frias, string system, string deployment, string? revision) =>
        {
            var (view, problem) = await ReadAsync(context, frias, system, deployment, revision);
            if (problem is not null)
            {
                return problem;
            }

            context.Response.Headers.ETag = $"\"r{view!.Latest.ToString(CultureInfo.InvariantCulture)}\"";
            return Results.Json(FriaJson.Revision(view));
        });

        app.MapGet(Route + "/{deployment}/revisions", async (HttpContext context, FriaQueries frias, string system, string deployment) =>
        {
            var signedIn = Caller.Of(context) is not null;
            var rows = await frias.RevisionsAsync(system, deployment, signedIn, context.RequestAborted);
            return rows.Count == 0
                ? RegistryHttp.NotFound($"No FRIA of {system} / {deployment}", signedIn)
                : Results.Json(rows.Select(r => new { revision = r.Revision, version = r.Version, sha256 = r.Sha256, note = r.Note, recordedAt = r.RecordedAt, recordedBy = r.RecordedBy, index = r.LogIndex }));
        });

        app.MapGet(Route + "/{deployment}/export", async (HttpContext context, FriaQueries frias, string system, string deployment, string? format, string? revision) =>
        {
            if (format is not ("md" or "json"))
            {
                return Problems.BadRequest($"Give format=md (Markdown) or format=json{(format is null ? "" : $"; '{format}' is not one")}.");
            }

            var (view, problem) = await ReadAsync(context, frias, system, deployment, revision);
            if (problem is not null)
            {
                return problem;
            }

            var stem = $"{system}-{deployment}-fria-r{view!.Row.Revision.ToString(CultureInfo.InvariantCulture)}";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{stem}.{format}\"";
            return format == "md"
                ? Results.Text(FriaJson.Markdown(view), "text/markdown; charset=utf-8")
                : Results.Text(FriaJson.Revision(view).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), "application/json; charset=utf-8");
        });

        app.MapPut(Route + "/{deployment}", async (HttpContext context, FriaRevisions revisions, string system, string deployment) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<FriaRequests.Revise>(context.Request, FriaRequests.MaxBodyBytes);
            if (bad is not null)
            {
                return bad;
            }

            if (FriaRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var parsed = FriaDocument.Parse(JsonNode.Parse(request!.Document.GetRawText()));
            if (!parsed.Succeeded)
            {
                return Results.Problem(statusCode: 400, title: "The FRIA document is not valid", detail: string.Join(" ", parsed.Issues.Select(i => i.ToString())),
                    extensions: new Dictionary<string, object?> { ["issues"] = parsed.Issues.Select(i => new { field = i.Field, message = i.Message }).ToList() });
            }

            var write = new FriaRevisions.Write(system, deployment, request.Version, parsed.Document!, request.BaseRevision, request.Note, request.Visibility);
            var outcome = await revisions.ReviseAsync(user!.Name, write, context.RequestAborted);
            if (outcome.Row is not { } row)
            {
                return ImpactProblems.Of(outcome.Status, outcome.Error!);
            }

            context.Response.Headers.ETag = $"\"r{row.Revision.ToString(CultureInfo.InvariantCulture)}\"";
            var json = new JsonObject
            {
                ["system"] = system, ["deployment"] = deployment, ["revision"] = row.Revision, ["sha256"] = row.Sha256, ["index"] = row.LogIndex,
                ["unchanged"] = outcome.Status == StatusCodes.Status200OK, ["complete"] = row.Document().Complete,
                ["missing"] = new JsonArray([.. row.Document().Missing.Select(f => (JsonNode)f.Name)]),
            };
            return outcome.Status == StatusCodes.Status201Created
                ? Results.Created($"/api/v1/systems/{system}/frias/{deployment}?revision={row.Revision}", json)
                : Results.Json(json);
        });

        app.MapPost(Route + "/{deployment}/review", async (HttpContext context, FriaReview review, string system, string deployment) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<FriaRequests.Submit>(context);
            if (problem is not null)
            {
                return problem;
            }

            var opened = await review.SubmitAsync(user!, system, deployment, request!, context.RequestAborted);
            return opened.Succeeded
                ? Results.Json(new { decision = opened.Decision, index = opened.Index, type = Vigie.Core.Governance.DecisionTypes.FriaApproval, url = $"/app/decisions/{opened.Decision}" }, statusCode: 201)
                : opened.Problem();
        });
    }

    private static async Task<(FriaQueries.FriaView? View, IResult? Problem)> ReadAsync(HttpContext context, FriaQueries frias, string system, string deployment, string? revision)
    {
        long? n = null;
        if (revision is not null)
        {
            if (QueryNumbers.TryParse(revision, "revision", out var parsed) is { } badNumber)
            {
                return (null, badNumber);
            }

            n = parsed;
        }

        var signedIn = Caller.Of(context) is not null;
        var view = await frias.ViewAsync(system, deployment, n, signedIn, context.RequestAborted);
        return view is null
            ? (null, RegistryHttp.NotFound(n is null ? $"No FRIA of {system} / {deployment}" : $"No revision {n} of the FRIA of {system} / {deployment}", signedIn))
            : (view, null);
    }
}
