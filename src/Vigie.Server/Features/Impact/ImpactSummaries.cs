using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Server.Features.Impact;

/// <summary>A version's impact in one piece: the latest energy estimate of each run and their totals, and the latest result of each fairness assessment.</summary>
public sealed class ImpactSummaries(ImpactQueries impact)
{
    public sealed record Totals(double ItKwh, double FacilityKwh, double? Co2eKg, double? WaterLitres, int Runs);

    public async Task<Totals?> TotalsAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        var rows = await impact.LatestEnergyAsync(system, version, includeInternal, cancellationToken);
        return rows.Count == 0 ? null : new Totals(
            rows.Sum(r => r.ItKwh),
            rows.Sum(r => r.FacilityKwh),
            rows.All(r => r.Co2eKg is not null) ? rows.Sum(r => r.Co2eKg!.Value) : null,
            rows.All(r => r.WaterLitres is not null) ? rows.Sum(r => r.WaterLitres!.Value) : null,
            rows.Count);
    }

    public async Task<JsonObject> VersionJsonAsync(string system, string version, bool includeInternal, CancellationToken cancellationToken)
    {
        var energy = await impact.LatestEnergyAsync(system, version, includeInternal, cancellationToken);
        var totals = await TotalsAsync(system, version, includeInternal, cancellationToken);
        var fairness = await impact.LatestFairnessAsync(system, version, includeInternal, cancellationToken);
        return new JsonObject
        {
            ["system"] = system,
            ["version"] = version,
            ["totals"] = totals is null ? null : new JsonObject
            {
                ["itEnergyKwh"] = totals.ItKwh, ["facilityEnergyKwh"] = totals.FacilityKwh, ["locationCo2eKg"] = totals.Co2eKg, ["waterLitres"] = totals.WaterLitres, ["runs"] = totals.Runs,
            },
            ["energy"] = new JsonArray([.. energy.Select(e => (JsonNode)new JsonObject
            {
                ["run"] = e.Run, ["index"] = e.LogIndex, ["recordedAt"] = e.RecordedAt, ["recordedBy"] = e.RecordedBy, ["visibility"] = e.Visibility,
                ["estimate"] = JsonNode.Parse(e.EstimateJson),
            })]),
            ["fairness"] = new JsonArray([.. fairness.Select(f => (JsonNode)new JsonObject
            {
                ["assessment"] = f.Assessment, ["index"] = f.LogIndex, ["recordedAt"] = f.RecordedAt, ["recordedBy"] = f.RecordedBy, ["fileSha256"] = f.FileSha256,
                ["rows"] = f.RowsRead, ["report"] = JsonNode.Parse(f.ReportJson),
            })]),
        };
    }

    public static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
