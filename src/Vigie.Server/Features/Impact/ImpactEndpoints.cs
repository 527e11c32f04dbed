using System.Text.Json.Nodes;
using Vigie.Core.Impact;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Impact;

/// <summary>/api/v1/systems/{system}/versions/{version}/impact: energy of training runs, fairness assessments, and the version's impact summary.</summary>
public static class ImpactEndpoints
{
    public static void MapImpact(this IEndpointRouteBuilder app)
    {
        const string Version = "/api/v1/systems/{system}/versions/{version}";

        app.MapPost(Version + "/training-runs/{run}/energy", async (HttpContext context, ImpactEnvironment environment, string system, string version, string run) =>
        {
            var (user, request, problem) = await RegistryHttp.ReadWriteAsync<ImpactRequests.EstimateEnergy>(context);
            if (problem is not null)
            {
                return problem;
            }

            var outcome = await environment.EstimateRunAsync(user!.Name, system, version, run, request!, context.RequestAborted);
            return outcome.Estimate is { } estimate
                ? Results.Json(new JsonObject { ["system"] = system, ["version"] = version, ["run"] = run, ["index"] = outcome.Index, ["estimate"] = ImpactJson.Energy(estimate) }, statusCode: 201)
                : ImpactProblems.Of(outcome.Status, outcome.Error!);
        });

        app.MapGet(Version + "/impact", async (HttpContext context, RegistryQueries registry, ImpactSummaries summaries, string system, string version) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetVersionAsync(system, version, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No version {system}@{version}", signedIn);
            }

            return Results.Json(await summaries.VersionJsonAsync(system, version, signedIn, context.RequestAborted));
        });

        app.MapPost(Version + "/fairness", async (HttpContext context, ImpactFairness fairness, string system, string version) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var q = context.Request.Query;
            var request = new ImpactFairness.Request(q["assessment"].ToString(), [.. q["group"].Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!)],
                Text(q["label"], "label"), Text(q["prediction"], "prediction"), q["weight"].ToString() is { Length: > 0 } w ? w : null,
                q["reference"].ToString() is { Length: > 0 } r ? r : null);
            if (ImpactFairness.Check(request) is { } bad)
            {
                return Problems.BadRequest(bad);
            }

            if (context.Request.ContentLength > ImpactFairness.MaxCsvBytes)
            {
                return Problems.TooLarge($"The CSV is {context.Request.ContentLength} bytes; at most {ImpactFairness.MaxCsvBytes} are taken. {ImpactFairness.TooLargeAdvice}");
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var outcome = await fairness.ImportAsync(user!.Name, system, version, request, buffer.ToArray(), context.RequestAborted);
            return outcome.Report is { } report
                ? Results.Json(new JsonObject
                {
                    ["system"] = system, ["version"] = version, ["assessment"] = request.Assessment, ["index"] = outcome.Index, ["fileSha256"] = outcome.FileSha256,
                    ["rows"] = outcome.Rows, ["report"] = ImpactJson.Fairness(report),
                }, statusCode: 201)
                : ImpactProblems.Of(outcome.Status, outcome.Error!);
        });
    }

    private static string Text(Microsoft.Extensions.Primitives.StringValues value, string fallback) => value.ToString() is { Length: > 0 } s ? s : fallback;
}
