using System.Globalization;
using Vigie.Core.Impact;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Cards;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Estimates a version's inference (per million tokens and per day of service) and records it under
/// a name: the parameter count comes from the request or, when not given, from the version's model
/// card; the entry has the version's visibility.
/// </summary>
public sealed class ImpactInference(Ledger.Ledger ledger, RegistryQueries registry, CardQueries cards, ReferenceData data)
{
    public sealed record Outcome(int Status, InferenceEstimate? Estimate, long Index, string? Error);

    /// <summary>The estimate only (the offline calculator's, on the server's reference tables); nothing is written.</summary>
    public InferenceOutcome Calculate(string actor, ImpactRequests.EstimateInference request) =>
        InferenceCalculator.Estimate(request.ToRequest($"supplied by {actor}", request.Parameters), data);

    public async Task<Outcome> RecordAsync(string actor, string system, string version, ImpactRequests.EstimateInference request, CancellationToken cancellationToken)
    {
        if (ImpactRequests.CheckName("name", request.Name, "chat-api") is { } badName)
        {
            return new(StatusCodes.Status400BadRequest, null, -1, badName);
        }

        var v = await registry.GetVersionAsync(system, version, includeInternal: true, cancellationToken);
        if (v is null)
        {
            return new(StatusCodes.Status404NotFound, null, -1, $"No version {system}@{version} is registered.");
        }

        var parameters = request.Parameters;
        string? fromCard = null;
        if (parameters is null && await cards.LatestAsync(system, version, includeInternal: true, cancellationToken) is { } card &&
            card.Card().Number("technical.parameterCount") is { } count)
        {
            parameters = count;
            fromCard = $"model card of {system}@{version}, revision {card.Revision.ToString(CultureInfo.InvariantCulture)} (technical.parameterCount)";
        }

        var outcome = InferenceCalculator.Estimate(request.ToRequest($"supplied by {actor}", parameters), data);
        if (outcome.Estimate is not { } estimate)
        {
            return new(StatusCodes.Status400BadRequest, null, -1, outcome.Error);
        }

        if (fromCard is not null)
        {
            estimate = estimate with { Inputs = [.. estimate.Inputs.Select(i => i.Name == "parameters" ? i with { Source = fromCard } : i)] };
        }

        VisibilityNames.TryParse(v.Visibility, out var visibility);
        var body = new ImpactEntries.InferenceBody(system, version, request.Name!, BodyJson.ToElement(ImpactJson.Inference(estimate)));
        var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.InferenceEstimated, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? new(StatusCodes.Status201Created, estimate, result.Index, null)
            : new(StatusCodes.Status409Conflict, null, -1, result.Conflict);
    }
}
