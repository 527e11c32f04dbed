using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Vigie.Core.Impact;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>/api/v1/systems/{system}/versions/{version}/impact: energy of training runs, fairness assessments, and the version's impact summary.</summary>
public static class ImpactEndpoints
{
    /// <summary>A fairness CSV larger than this should be sent as per-group counts (group, tp, fp, tn, fn).</summary>
    public const int MaxCsvBytes = 1024 * 1024 - 4096;

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
                : Problems.Problem(outcome.Status, outcome.Status == 404 ? "Not found" : outcome.Status == 409 ? "Conflict" : "The request is not valid", outcome.Error!);
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

        app.MapPost(Version + "/fairness", async (HttpContext context, Ledger.Ledger ledger, RegistryQueries registry, string system, string version) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var q = context.Request.Query;
            var assessment = q["assessment"].ToString();
            var groups = q["group"].Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!).ToList();
            if (ImpactRequests.CheckAssessment(assessment) is { } badName)
            {
                return Problems.BadRequest(badName);
            }

            if (groups.Count == 0)
            {
                return Problems.BadRequest("Name the group column(s): ?group=COLUMN (repeat for intersectional groups).");
            }

            if (context.Request.ContentLength > MaxCsvBytes)
            {
                return Problems.TooLarge($"The CSV is {context.Request.ContentLength} bytes; at most {MaxCsvBytes} are taken. Send per-group counts (group, tp, fp, tn, fn) instead.");
            }

            var v = await registry.GetVersionAsync(system, version, context.RequestAborted);
            if (v is null)
            {
                return Problems.NotFound($"No version {system}@{version} is registered.");
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length > MaxCsvBytes)
            {
                return Problems.TooLarge($"The CSV is larger than {MaxCsvBytes} bytes. Send per-group counts (group, tp, fp, tn, fn) instead.");
            }

            var bytes = buffer.ToArray();
            var options = new FairnessCsvOptions(groups, Text(q["label"], "label"), Text(q["prediction"], "prediction"), q["weight"].ToString() is { Length: > 0 } w ? w : null);
            FairnessCsvResult read;
            try
            {
                read = FairnessCsv.Read(new StringReader(new UTF8Encoding(false, true).GetString(bytes)), options);
            }
            catch (DecoderFallbackException)
            {
                return Problems.BadRequest("The CSV is not valid UTF-8.");
            }

            if (read.Error is { } error)
            {
                return Problems.BadRequest(error);
            }

            var reference = q["reference"].ToString() is { Length: > 0 } r ? r : null;
            if (reference is not null && read.Groups!.All(g => g.Group != reference))
            {
                return Problems.BadRequest($"reference '{reference}' is not a group in the file; groups: {string.Join(", ", read.Groups!.Select(g => g.Group).Order(StringComparer.Ordinal))}.");
            }

            var report = FairnessAnalysis.Analyse(groups, read.Groups!, reference);
            VisibilityNames.TryParse(v.Visibility, out var visibility);
            var body = new ImpactEntries.FairnessBody(system, version, assessment, Convert.ToHexStringLower(SHA256.HashData(bytes)), read.Rows,
                BodyJson.ToElement(ImpactJson.Fairness(report)));
            var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.FairnessAssessed, user!.Name, visibility, BodyJson.ToElement(body)), context.RequestAborted);
            return result.Succeeded
                ? Results.Json(new JsonObject
                {
                    ["system"] = system, ["version"] = version, ["assessment"] = assessment, ["index"] = result.Index, ["fileSha256"] = body.FileSha256,
                    ["rows"] = read.Rows, ["report"] = ImpactJson.Fairness(report),
                }, statusCode: 201)
                : Problems.Conflict(result.Conflict!);
        });
    }

    private static string Text(Microsoft.Extensions.Primitives.StringValues value, string fallback) => value.ToString() is { Length: > 0 } s ? s : fallback;
}
