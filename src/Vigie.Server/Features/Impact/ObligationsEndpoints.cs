using System.Text.Json.Nodes;
using Vigie.Core.Impact.Rights;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>Obligations per system, recording one met, the organisation's revenue, and the EU AI Act classification.</summary>
public static class ObligationsEndpoints
{
    public static void MapObligations(this IEndpointRouteBuilder app)
    {
        const string System = "/api/v1/systems/{system}";

        app.MapGet(System + "/obligations", async (HttpContext context, RegulatoryQueries regulatory, string system) =>
        {
            var (_, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            var view = await regulatory.ViewAsync(system, context.RequestAborted);
            return view is null ? Problems.NotFound($"No system '{system}' is registered.") : Results.Json(ImpactApiJson.View(view));
        });

        app.MapPost(System + "/obligations/{obligation}/met", async (HttpContext context, Ledger.Ledger ledger, RegulatoryQueries regulatory, RegistryQueries registry, string system, string obligation) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<ImpactRequests.RecordMet>(context);
            if (problem is not null)
            {
                return problem;
            }

            if (ImpactRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var view = await regulatory.ViewAsync(system, context.RequestAborted);
            if (view is null)
            {
                return Problems.NotFound($"No system '{system}' is registered.");
            }

            if (view.Obligations.All(o => o.Id != obligation))
            {
                return Problems.BadRequest($"'{obligation}' is not an obligation of '{system}' now; its obligations are: {(view.Obligations.Count == 0 ? "none" : string.Join(", ", view.Obligations.Select(o => o.Id)))}.");
            }

            var s = (await registry.GetSystemAsync(system, true, context.RequestAborted))!;
            VisibilityNames.TryParse(s.Visibility, out var visibility);
            var body = new ImpactEntries.MetBody(system, obligation, request!.Reference, request.Note);
            var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.ObligationMet, user!.Name, visibility, BodyJson.ToElement(body)), context.RequestAborted);
            return result.Succeeded
                ? Results.Json(new { system, obligation, reference = request.Reference, index = result.Index, recordedAt = LedgerTime.Format(result.Time) }, statusCode: 201)
                : Problems.Conflict(result.Conflict!);
        });

        app.MapPost("/api/v1/organisation/revenue", async (HttpContext context, Ledger.Ledger ledger) =>
        {
            var (user, denied) = Caller.Require(context, [Roles.Admin, Roles.Executive]);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<ImpactRequests.RecordRevenue>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            if (ImpactRequests.Check(request!) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var body = new ImpactEntries.RevenueBody(request!.Year, request.RevenueUsd, request.Source);
            var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.RevenueRecorded, user!.Name, Visibility.Internal, BodyJson.ToElement(body)), context.RequestAborted);
            return result.Succeeded
                ? Results.Json(new { year = request.Year, revenueUsd = request.RevenueUsd, index = result.Index }, statusCode: 201)
                : Problems.Conflict(result.Conflict!);
        });

        app.MapGet("/api/v1/classification/questions", () => Results.Json(AiActQuestionnaire.Questions.Select(q => new { id = q.Id, section = q.Section, text = q.Text, article = q.Article })));

        app.MapGet(System + "/classification", async (HttpContext context, ImpactQueries impact, RegistryQueries registry, string system) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetSystemAsync(system, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No system '{system}'", signedIn);
            }

            var rows = await impact.ClassificationsAsync(system, signedIn, context.RequestAborted);
            return rows.Count == 0
                ? Problems.NotFound($"'{system}' has not been classified yet (vigie classify {system} --yes QUESTION ...).")
                : Results.Json(ClassificationJson(rows[^1], rows.Count));
        });

        app.MapPost(System + "/classification", async (HttpContext context, ImpactClassifications classifications, string system) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<ImpactRequests.Classify>(context);
            if (problem is not null)
            {
                return problem;
            }

            var outcome = await classifications.ClassifyAsync(user!.Name, system, request!, context.RequestAborted);
            return outcome.Row is { } row
                ? Results.Json(ClassificationJson(row, (int)row.Revision), statusCode: 201)
                : Problems.Problem(outcome.Status, outcome.Status == 404 ? "Not found" : outcome.Status == 409 ? "Conflict" : "The request is not valid", outcome.Error!);
        });
    }

    public static JsonObject ClassificationJson(ImpactQueries.ClassificationRow row, int revisions) => new()
    {
        ["system"] = row.System,
        ["revision"] = row.Revision,
        ["revisions"] = revisions,
        ["answers"] = JsonNode.Parse(row.AnswersJson),
        ["result"] = JsonNode.Parse(row.ResultJson),
        ["index"] = row.LogIndex,
        ["recordedAt"] = row.RecordedAt,
        ["recordedBy"] = row.RecordedBy,
        ["visibility"] = row.Visibility,
    };
}
