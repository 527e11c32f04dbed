using System.Text.Json.Nodes;
using Vigie.Core.Impact;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Impact;

/// <summary>Inference estimates (calculated, or recorded for a version), and a version's impact figures written onto its model card.</summary>
public static class InferenceEndpoints
{
    public static void MapInferenceAndCard(this IEndpointRouteBuilder app)
    {
        const string Version = "/api/v1/systems/{system}/versions/{version}";

        app.MapPost("/api/v1/impact/inference", async (HttpContext context, ImpactInference inference) =>
        {
            var (user, denied) = Caller.Require(context, Roles.All);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<ImpactRequests.EstimateInference>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var outcome = inference.Calculate(user!.Name, request!);
            return outcome.Estimate is { } estimate ? Results.Json(ImpactJson.Inference(estimate)) : Problems.BadRequest(outcome.Error!);
        });

        app.MapPost(Version + "/impact/inference", async (HttpContext context, ImpactInference inference, string system, string version) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<ImpactRequests.EstimateInference>(context);
            if (problem is not null)
            {
                return problem;
            }

            var outcome = await inference.RecordAsync(user!.Name, system, version, request!, context.RequestAborted);
            return outcome.Estimate is { } estimate
                ? Results.Json(new JsonObject { ["system"] = system, ["version"] = version, ["name"] = request!.Name!, ["index"] = outcome.Index, ["estimate"] = ImpactJson.Inference(estimate) }, statusCode: 201)
                : ImpactProblems.Of(outcome.Status, outcome.Error!);
        });

        app.MapPost(Version + "/impact/card", async (HttpContext context, ImpactCards impactCards, string system, string version) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<ImpactRequests.ToCard>(context);
            if (problem is not null)
            {
                return problem;
            }

            if (request!.Note is { } note && CardRequests.CheckNote(note) is { } badNote)
            {
                return Problems.BadRequest(badNote);
            }

            var outcome = await impactCards.WriteAsync(user!.Name, system, version, request.Note, context.RequestAborted);
            if (outcome.Written is not { } written)
            {
                return ImpactProblems.Of(outcome.Status, outcome.Error!);
            }

            if (written.Status is not (CardWriteStatus.Created or CardWriteStatus.Unchanged))
            {
                return CardProblems.Of(written);
            }

            var json = CardJson.Revision(system, version, written.Revision, withCard: false, withDiff: written.Status == CardWriteStatus.Created);
            json["unchanged"] = written.Status == CardWriteStatus.Unchanged;
            return written.Status == CardWriteStatus.Created
                ? Results.Created($"/api/v1/systems/{system}/versions/{version}/card/revisions/{written.Revision!.Revision}", json)
                : Results.Ok(json);
        });
    }
}
