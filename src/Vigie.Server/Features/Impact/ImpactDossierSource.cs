using System.Text.Json.Nodes;
using Vigie.Server.Features.Gate;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// The impact and regulatory parts of the release dossier (docs/dossier.md): the version's energy,
/// CO2e and water with an environmental assessment per estimated run set, its fairness assessments
/// with their metrics and four-fifths outcome, a fundamental-rights assessment per deployment whose
/// FRIA names this version (complete once its latest revision is approved), and the system's
/// regulatory notices, regimes and open obligations. Parts without data stay absent; nothing is invented.
/// </summary>
public sealed class ImpactDossierSource(ImpactQueries impact, ImpactSummaries summaries, RegulatoryQueries regulatory, FriaQueries frias) : IDossierSource
{
    public async Task ContributeAsync(DossierRequest request, JsonObject dossier, CancellationToken cancellationToken)
    {
        var (system, version) = (request.System, request.Version);
        var energy = await impact.LatestEnergyAsync(system, version, includeInternal: true, cancellationToken);
        var fairness = await impact.LatestFairnessAsync(system, version, includeInternal: true, cancellationToken);
        var assessments = new JsonArray();
        var totals = await summaries.TotalsAsync(system, version, includeInternal: true, cancellationToken);
        if (energy.Count > 0)
        {
            assessments.Add(new JsonObject { ["kind"] = "environmental", ["status"] = "complete", ["completedAt"] = energy.Max(e => e.RecordedAt) });
        }

        foreach (var f in fairness)
        {
            var report = JsonNode.Parse(f.ReportJson)!.AsObject();
            var item = new JsonObject { ["kind"] = "fairness", ["status"] = "complete", ["completedAt"] = f.RecordedAt, ["name"] = f.Assessment };
            var metrics = new JsonObject();
            foreach (var key in new[] { "demographicParityDifference", "demographicParityRatio", "equalizedOddsDifference", "equalizedOddsRatio", "minDisparateImpact" })
            {
                if (report[key] is JsonValue value)
                {
                    metrics[key] = value.DeepClone();
                }
            }

            item["metrics"] = metrics;
            if (report["passesFourFifths"] is JsonValue passes)
            {
                item["fourFifths"] = passes.DeepClone();
            }

            item["groups"] = ((JsonArray)report["groups"]!).Count;
            assessments.Add(item);
        }

        await FriasAsync(system, version, assessments, cancellationToken);
        if (assessments.Count > 0)
        {
            var part = new JsonObject { ["assessments"] = assessments };
            if (totals is not null)
            {
                part["energyKwh"] = totals.FacilityKwh;
                if (totals.Co2eKg is { } co2)
                {
                    part["co2eKg"] = co2;
                }

                if (totals.WaterLitres is { } water)
                {
                    part["waterLitres"] = water;
                }
            }

            dossier["impact"] = part;
        }

        await RegulatoryPartAsync(system, dossier, cancellationToken);
    }

    /// <summary>
    /// Art. 27 asks for the assessment before first use: a FRIA is "complete" only when its latest
    /// revision was approved under the charter (a draft, one in review, one sent back or reversed,
    /// or one revised after approval is a "draft"), so a policy can require it before deployment.
    /// </summary>
    private async Task FriasAsync(string system, string version, JsonArray assessments, CancellationToken cancellationToken)
    {
        foreach (var row in await frias.ForVersionAsync(system, version, cancellationToken))
        {
            var status = FriaStatus.Of(row, await frias.DecisionsAsync(system, row.Deployment, includeInternal: true, cancellationToken));
            var item = new JsonObject { ["kind"] = "fundamental-rights", ["status"] = status.Status == FriaStatus.Approved ? "complete" : "draft", ["name"] = row.Deployment };
            if (status.Status == FriaStatus.Approved && status.Decision?.ClosedAt is { } closed)
            {
                item["completedAt"] = closed;
            }

            assessments.Add(item);
        }
    }

    private async Task RegulatoryPartAsync(string system, JsonObject dossier, CancellationToken cancellationToken)
    {
        var view = await regulatory.ViewAsync(system, cancellationToken);
        var classification = await impact.ClassificationAsync(system, includeInternal: true, cancellationToken);
        if (view is null || (!view.Regimes.Any(r => r.Applies) && view.Obligations.Count == 0 && classification is null))
        {
            return; // nothing on record: the part stays absent rather than filled with empty lists
        }

        var part = new JsonObject
        {
            ["regimes"] = new JsonArray([.. view.Regimes.Where(r => r.Applies).Select(r => (JsonNode)r.Id)]),
            ["obligations"] = new JsonArray([.. view.Obligations.Select(o =>
            {
                var item = new JsonObject { ["id"] = o.Id, ["regime"] = o.Regime, ["status"] = o.Status };
                if (o.DueAt is { } due)
                {
                    item["dueAt"] = ImpactApiJson.Time(due);
                }

                return (JsonNode)item;
            })]),
        };
        if (view.Obligations.FirstOrDefault(o => o.Id == "eu-art52-notification")?.MetBy is { } notice)
        {
            part["euSystemicRiskNotification"] = new JsonObject { ["recordedAt"] = ImpactApiJson.Time(notice.At), ["reference"] = notice.Reference };
        }

        if (classification is not null)
        {
            part["euAiActTier"] = classification.Tier;
        }

        dossier["regulatory"] = part;
    }
}
