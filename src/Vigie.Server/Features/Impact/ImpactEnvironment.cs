using System.Globalization;
using Vigie.Core.Impact;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Estimates a recorded training run's energy, CO2e and water and appends the estimate: the run's
/// accelerator-hours and start year come from the registry unless given, and the entry has the
/// version's visibility, so it is never more public than the run it is about.
/// </summary>
public sealed class ImpactEnvironment(Ledger.Ledger ledger, RegistryQueries registry, ReferenceData data)
{
    public sealed record Outcome(int Status, EnergyEstimate? Estimate, long Index, string? Error);

    public async Task<Outcome> EstimateRunAsync(string actor, string system, string version, string run, ImpactRequests.EstimateEnergy request, CancellationToken cancellationToken)
    {
        var v = await registry.GetVersionAsync(system, version, cancellationToken);
        if (v is null)
        {
            return new(StatusCodes.Status404NotFound, null, -1, $"No version {system}@{version} is registered.");
        }

        var row = (await registry.ListTrainingRunsAsync(system, version, includeInternal: true, cancellationToken)).FirstOrDefault(r => r.Run == run);
        if (row is null)
        {
            return new(StatusCodes.Status404NotFound, null, -1, $"No training run '{run}' of {system}@{version} is recorded (vigie runs add {system} {version} {run} ...).");
        }

        var fromRegistry = request.AcceleratorHours is null && request.Count is null && request.MeasuredKwh is null && row.AcceleratorHours is not null;
        var energyRequest = request.ToRequest($"supplied by {actor}") with
        {
            AcceleratorHours = fromRegistry ? row.AcceleratorHours : request.AcceleratorHours,
            Year = request.Year ?? int.Parse(ImpactRequests.Year(row.StartedOn), CultureInfo.InvariantCulture),
        };
        var outcome = EnergyCalculator.Estimate(energyRequest, data);
        if (outcome.Estimate is not { } estimate)
        {
            return new(StatusCodes.Status400BadRequest, null, -1, outcome.Error + (row.AcceleratorHours is null ? " (the run has no accelerator-hours recorded)" : ""));
        }

        if (fromRegistry)
        {
            estimate = estimate with
            {
                Inputs = [.. estimate.Inputs.Select(i => i.Name == "acceleratorHours"
                    ? i with { Source = $"training run '{run}' in the registry (log entry {row.LogIndex.ToString(CultureInfo.InvariantCulture)})" }
                    : i)],
            };
        }

        VisibilityNames.TryParse(v.Visibility, out var visibility);
        var body = new ImpactEntries.EnergyBody(system, version, run, BodyJson.ToElement(ImpactJson.Energy(estimate)));
        var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.EnergyEstimated, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? new(StatusCodes.Status201Created, estimate, result.Index, null)
            : new(StatusCodes.Status409Conflict, null, -1, result.Conflict);
    }
}
