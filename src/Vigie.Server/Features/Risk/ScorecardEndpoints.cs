using Vigie.Core.Risk;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Risk;

/// <summary>/api/v1/systems/{system}/versions/{version}/scorecard: the derived and confirmed levels, confirmations and safeguards.</summary>
public static class ScorecardEndpoints
{
    private const string Path = "/api/v1/systems/{system}/versions/{version}/scorecard";

    public static void MapScorecards(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext context, ScorecardService scorecards, RegistryQueries registry, string system, string version) =>
        {
            var signedIn = Caller.Of(context) is not null;
            if (await registry.GetVersionAsync(system, version, signedIn, context.RequestAborted) is null)
            {
                return RegistryHttp.NotFound($"No version {system}@{version}", signedIn);
            }

            return await scorecards.BuildAsync(system, version, signedIn, context.RequestAborted) is { } card
                ? Results.Ok(Json(card))
                : Problems.NotFound("No risk framework is in force, so there is no scorecard; adopt one first (vigie frameworks adopt FILE).");
        });

        app.MapPost(Path + "/confirmations", async (HttpContext context, ScorecardService scorecards, string system, string version) =>
        {
            var (user, denied) = Caller.Require(context, ScorecardService.Confirmers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<ScorecardService.ConfirmRequest>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var (index, status, error) = await scorecards.ConfirmAsync(user!, system, version, request!, context.RequestAborted);
            return error is not null
                ? Problems.Problem(status, status == StatusCodes.Status400BadRequest ? "The request is not valid" : "Refused", error)
                : Results.Created($"/api/v1/systems/{system}/versions/{version}/scorecard", new { index, category = request!.Category, confirmedBy = user!.Name });
        });

        app.MapPost("/api/v1/systems/{system}/versions/{version}/safeguards", async (HttpContext context, ScorecardService scorecards, string system, string version) =>
        {
            var (user, denied) = Caller.Require(context, Roles.Writers);
            if (denied is not null)
            {
                return denied;
            }

            var (request, bad) = await RequestJson.ReadAsync<ScorecardService.SafeguardRequest>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            var (index, status, error) = await scorecards.RecordSafeguardAsync(user!, system, version, request!, context.RequestAborted);
            return error is not null
                ? Problems.Problem(status, status == StatusCodes.Status400BadRequest ? "The request is not valid" : "Refused", error)
                : Results.Created($"/api/v1/systems/{system}/versions/{version}/scorecard", new { index, id = request!.Id });
        });
    }

    public static object Json(ScorecardView card)
    {
        var f = card.Framework.Framework;
        return new
        {
            system = card.System,
            version = card.Version,
            framework = f.Ref,
            frameworkDigest = f.Digest,
            assessedAt = card.AssessedAt,
            requiredAsl = card.RequiredAsl,
            levels = f.Levels.Select(FrameworkEndpoints.LevelJson),
            categories = card.Categories.Select(c => new
            {
                id = c.Category.Id,
                name = c.Category.Name,
                tracked = c.Category.Tracked,
                preMitigation = c.Pre ?? RiskScale.Unknown,
                postMitigation = c.Post ?? RiskScale.Unknown,
                confirmed = c.Confirmation is not null,
                stale = c.Stale,
                derived = new
                {
                    preMitigation = ScorecardService.Name(c.Derived.Pre),
                    postMitigation = ScorecardService.Name(c.Derived.Post),
                    preAtLeast = c.Derived.Pre.AtLeast,
                    postAtLeast = c.Derived.Post.AtLeast,
                    preReason = c.Derived.Pre.Reason,
                    postReason = c.Derived.Post.Reason,
                },
                confirmation = c.Confirmation is not { } k ? null : new
                {
                    preMitigation = k.ConfirmedPre,
                    postMitigation = k.ConfirmedPost,
                    derivedPre = k.DerivedPre,
                    derivedPost = k.DerivedPost,
                    rationale = k.Rationale,
                    confirmedAt = k.ConfirmedAt,
                    confirmedBy = k.ConfirmedBy,
                    index = k.LogIndex,
                },
                thresholds = c.Derived.PreFindings.Select(t => new
                {
                    level = t.Threshold.Level,
                    metric = t.Threshold.MetricKey,
                    threshold = RiskJson.Threshold(t.Threshold),
                    status = Status(t.Status),
                    score = t.Score,
                    variant = t.Variant,
                    evaluation = t.EvaluationId,
                }),
            }),
            safeguards = card.Safeguards.Select(s => new
            {
                id = s.Safeguard,
                name = s.Name,
                standard = s.Standard,
                asl = s.Asl,
                status = s.Status,
                category = s.Category,
                evidence = s.EvidenceList,
                description = s.Description,
                recordedAt = s.RecordedAt,
                recordedBy = s.RecordedBy,
                index = s.LogIndex,
            }),
            evaluations = card.Evaluations.Select(e => RiskJson.Evaluation(e, null)),
        };
    }

    public static string Status(ThresholdStatus status) => status switch
    {
        ThresholdStatus.Reached => "reached",
        ThresholdStatus.CannotRuleOut => "cannot-rule-out",
        ThresholdStatus.Below => "below",
        _ => "missing",
    };
}
