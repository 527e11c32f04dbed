using System.Text.Json.Nodes;
using Vigie.Core.Impact;
using Vigie.Server.Features.Registry;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// A version's impact in one piece: the latest energy estimate of each run and their totals, the
/// latest inference estimates and fairness results, and the training compute recorded with the
/// legal thresholds it is over.
/// </summary>
public sealed class ImpactSummaries(ImpactQueries impact, RegistryQueries registry)
{
    /// <summary>
    /// Training compute recorded on the version's runs (<c>Own</c>) and with its base versions
    /// (<c>WithLineage</c>: SB 53 and the AI Act count fine-tuning on top), and the thresholds that
    /// total is over. Null parts mean no run recorded its compute, never zero.
    /// </summary>
    public sealed record Compute(double? Own, double? WithLineage, IReadOnlyList<ComputeThreshold> Crosses);

    public async Task<Compute> ComputeAsync(string system, string version, CancellationToken cancellationToken)
    {
        var (own, withLineage) = await registry.ComputeAsync(system, version, cancellationToken);
        return new Compute(own, withLineage, withLineage is { } total ? ComputeThresholds.CrossedBy(total) : []);
    }

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
        var inference = await impact.LatestInferenceAsync(system, version, includeInternal, cancellationToken);
        // The registry totals internal runs too: only a signed-in caller sees them, as on the version's own endpoint.
        var compute = includeInternal ? await ComputeAsync(system, version, cancellationToken) : null;
        return new JsonObject
        {
            ["system"] = system,
            ["version"] = version,
            ["compute"] = compute is null ? null : new JsonObject
            {
                ["ownFlop"] = compute.Own, ["withLineageFlop"] = compute.WithLineage, ["crosses"] = ImpactJson.Thresholds(compute.Crosses),
            },
            ["totals"] = totals is null ? null : new JsonObject
            {
                ["itEnergyKwh"] = totals.ItKwh, ["facilityEnergyKwh"] = totals.FacilityKwh, ["locationCo2eKg"] = totals.Co2eKg, ["waterLitres"] = totals.WaterLitres, ["runs"] = totals.Runs,
            },
            ["energy"] = new JsonArray([.. energy.Select(e => (JsonNode)new JsonObject
            {
                ["run"] = e.Run, ["index"] = e.LogIndex, ["recordedAt"] = e.RecordedAt, ["recordedBy"] = e.RecordedBy, ["visibility"] = e.Visibility,
                ["estimate"] = JsonNode.Parse(e.EstimateJson),
            })]),
            ["inference"] = new JsonArray([.. inference.Select(i => (JsonNode)new JsonObject
            {
                ["name"] = i.Name, ["index"] = i.LogIndex, ["recordedAt"] = i.RecordedAt, ["recordedBy"] = i.RecordedBy, ["visibility"] = i.Visibility,
                ["estimate"] = JsonNode.Parse(i.EstimateJson),
            })]),
            ["fairness"] = new JsonArray([.. fairness.Select(f => (JsonNode)new JsonObject
            {
                ["assessment"] = f.Assessment, ["index"] = f.LogIndex, ["recordedAt"] = f.RecordedAt, ["recordedBy"] = f.RecordedBy, ["fileSha256"] = f.FileSha256,
                ["rows"] = f.RowsRead, ["report"] = JsonNode.Parse(f.ReportJson),
            })]),
        };
    }
}
