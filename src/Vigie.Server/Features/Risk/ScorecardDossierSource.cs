using System.Text.Json.Nodes;
using Vigie.Core.Ledger;
using Vigie.Core.Risk;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Risk;

/// <summary>
/// The risk feature's part of the release dossier (docs/dossier.md): <c>scorecard</c> under the
/// framework in force — each category's levels in effect (confirmed, else derived; an unknown
/// level is <c>unknown</c>, never low), the required ASL and the safeguards — and, appended to
/// <c>evaluations</c>, one element per imported file and one per threshold it was judged against.
/// Without a framework in force the scorecard is left absent.
/// </summary>
public sealed class ScorecardDossierSource(ScorecardService scorecards, RiskQueries queries) : IDossierSource
{
    private const int MaxEvaluations = 1000;

    public async Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken)
    {
        var evaluations = dossier["evaluations"] as JsonArray;
        var card = await scorecards.BuildAsync(request.System, request.Version, includeInternal: true, cancellationToken);
        var rows = card?.Evaluations ?? await queries.EvaluationsAsync(request.System, request.Version, includeInternal: true, cancellationToken);
        if (evaluations is not null)
        {
            foreach (var e in rows)
            {
                Add(evaluations, Element(e.Id, e.Name, e.Sha256, e.ImportedAt, null, e.Harness, null, null, null, e.EffectiveFlop));
            }
        }

        if (card is null)
        {
            return;
        }

        var framework = card.Framework.Framework;
        var byId = card.Evaluations.ToDictionary(e => e.Id);
        if (evaluations is not null)
        {
            foreach (var c in card.Categories)
            {
                foreach (var finding in c.Derived.PreFindings.Where(f => f.EvaluationId is not null && byId.ContainsKey(f.EvaluationId)))
                {
                    var e = byId[finding.EvaluationId!];
                    Add(evaluations, Element(e.Id, $"{finding.Threshold.MetricKey} ({finding.Threshold.Level})", e.Sha256, e.ImportedAt, c.Category.Id, e.Harness,
                        finding.Score, finding.Threshold.Value,
                        finding.Status is ThresholdStatus.Reached or ThresholdStatus.CannotRuleOut ? "fail" : "pass", e.EffectiveFlop));
                }
            }
        }

        var scorecard = new JsonObject
        {
            ["framework"] = framework.Name,
            ["frameworkVersion"] = framework.Version,
        };
        if (card.AssessedAt is { } assessed)
        {
            scorecard["assessedAt"] = assessed;
        }

        scorecard["categories"] = new JsonArray([.. card.Categories.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Category.Id,
            ["name"] = c.Category.Name,
            ["tracked"] = c.Category.Tracked,
            ["preMitigation"] = Risk(framework, c.Pre),
            ["postMitigation"] = Risk(framework, c.Post),
            ["confirmed"] = c.Confirmation is not null,
            ["derivedPreMitigation"] = Risk(framework, c.Derived.Pre.Level),
            ["derivedPostMitigation"] = Risk(framework, c.Derived.Post.Level),
        })]);
        if (card.RequiredAsl is { } asl)
        {
            scorecard["requiredAsl"] = asl;
        }

        scorecard["safeguards"] = new JsonArray([.. card.Safeguards.Where(s => s.Asl is not null).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Safeguard,
            ["standard"] = s.Standard,
            ["asl"] = s.Asl,
            ["status"] = s.Status,
        })]);
        dossier["scorecard"] = scorecard;
    }

    /// <summary>A level id on the common scale the dossier uses; unknown stays unknown.</summary>
    private static string Risk(Framework framework, string? level) => level is null ? RiskScale.Unknown : framework.Level(level).Risk;

    private static void Add(JsonArray list, JsonObject element)
    {
        if (list.Count < MaxEvaluations)
        {
            list.Add(element);
        }
    }

    private static JsonObject Element(string id, string name, string sha256, string recordedAt, string? category, string? harness,
        double? score, double? threshold, string? result, double? effectiveCompute)
    {
        var e = new JsonObject { ["id"] = id, ["name"] = name.Length <= 200 ? name : name[..200], ["sha256"] = sha256, ["recordedAt"] = recordedAt };
        if (category is not null) e["category"] = category;
        if (harness is not null) e["harness"] = harness;
        if (score is not null) e["score"] = score;
        if (threshold is not null) e["threshold"] = threshold;
        if (result is not null) e["result"] = result;
        if (effectiveCompute is not null) e["effectiveCompute"] = effectiveCompute;
        return e;
    }
}
