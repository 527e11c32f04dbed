using System.Text.Json.Nodes;

namespace Vigie.Core.Impact;

/// <summary>
/// The one JSON shape of impact results, written by the CLI (<c>--json</c>), the API and the
/// ledger entries alike, so a figure reads the same wherever it is seen.
/// </summary>
public static class ImpactJson
{
    public static JsonObject Energy(EnergyEstimate e) => new()
    {
        ["itEnergyKwh"] = e.ItEnergyKwh,
        ["facilityEnergyKwh"] = e.FacilityEnergyKwh,
        ["locationCo2eKg"] = e.LocationCo2eKg,
        ["marketCo2eKg"] = e.MarketCo2eKg,
        ["onsiteWaterLitres"] = e.OnsiteWaterLitres,
        ["offsiteWaterLitres"] = e.OffsiteWaterLitres,
        ["waterLitres"] = e.WaterLitres,
        ["method"] = e.Method,
        ["inputs"] = Inputs(e.Inputs),
        ["notes"] = new JsonArray([.. e.Notes.Select(n => (JsonNode)n)]),
    };

    public static JsonObject Compute(ComputeEstimate c) => new()
    {
        ["flop"] = c.Flop,
        ["method"] = c.Method,
        ["inputs"] = Inputs(c.Inputs),
        ["crosses"] = Thresholds(c.Crosses),
    };

    public static JsonArray Thresholds(IEnumerable<ComputeThreshold> thresholds) =>
        new([.. thresholds.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["flop"] = t.Flop, ["name"] = t.Name, ["legalBasis"] = t.LegalBasis })]);

    public static JsonObject Fairness(FairnessReport r) => new()
    {
        ["groupColumns"] = new JsonArray([.. r.GroupColumns.Select(c => (JsonNode)c)]),
        ["intersectional"] = r.Intersectional,
        ["groups"] = new JsonArray([.. r.Groups.Select(g => (JsonNode)new JsonObject
        {
            ["group"] = g.Group,
            ["samples"] = g.Samples,
            ["weight"] = g.Weight,
            ["truePositives"] = g.TruePositives,
            ["falsePositives"] = g.FalsePositives,
            ["trueNegatives"] = g.TrueNegatives,
            ["falseNegatives"] = g.FalseNegatives,
            ["selectionRate"] = g.SelectionRate,
            ["truePositiveRate"] = g.TruePositiveRate,
            ["falsePositiveRate"] = g.FalsePositiveRate,
        })]),
        ["reference"] = r.Reference,
        ["referenceChosenBy"] = r.ReferenceChosenBy,
        ["demographicParityDifference"] = r.DemographicParityDifference,
        ["demographicParityRatio"] = r.DemographicParityRatio,
        ["equalizedOddsDifference"] = r.EqualizedOddsDifference,
        ["equalizedOddsRatio"] = r.EqualizedOddsRatio,
        ["disparateImpact"] = new JsonArray([.. r.DisparateImpacts.Select(d => (JsonNode)new JsonObject
        {
            ["group"] = d.Group,
            ["ratio"] = d.Ratio,
            ["passesFourFifths"] = d.PassesFourFifths,
        })]),
        ["minDisparateImpact"] = r.MinDisparateImpact,
        ["passesFourFifths"] = r.PassesFourFifths,
        ["warnings"] = new JsonArray([.. r.Warnings.Select(w => (JsonNode)w)]),
    };

    private static JsonArray Inputs(IEnumerable<ImpactInput> inputs) =>
        new([.. inputs.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["value"] = i.Value,
            ["unit"] = i.Unit,
            ["origin"] = i.OriginName,
            ["source"] = i.Source,
        })]);
}
