using Vigie.Core.Impact.Rights;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// Records a classification revision: the answers, and the result the questionnaire gives with
/// the system's largest training compute (its lineage counted), as one ledger entry with the
/// system's visibility. The API and the web page both come here.
/// </summary>
public sealed class ImpactClassifications(Ledger.Ledger ledger, RegistryQueries registry, ImpactQueries impact, RegulatoryQueries regulatory)
{
    public sealed record Outcome(int Status, ImpactQueries.ClassificationRow? Row, string? Error);

    public async Task<Outcome> ClassifyAsync(string actor, string system, ImpactRequests.Classify request, CancellationToken cancellationToken)
    {
        if (ImpactRequests.Check(request) is { } invalid)
        {
            return new(StatusCodes.Status400BadRequest, null, invalid);
        }

        var s = await registry.GetSystemAsync(system, includeInternal: true, cancellationToken);
        if (s is null)
        {
            return new(StatusCodes.Status404NotFound, null, $"No system '{system}' is registered.");
        }

        var head = await impact.ClassificationHeadAsync(system, cancellationToken);
        if (request.BaseRevision != head)
        {
            return new(StatusCodes.Status409Conflict, null, $"The classification of '{system}' is at revision {head}, not {request.BaseRevision}; look at it again before answering.");
        }

        var compute = await MaxComputeAsync(system, cancellationToken);
        var result = AiActClassifier.Classify(request.Answers, compute);
        var body = new ImpactEntries.ClassificationBody(system, (int)head + 1, request.Answers, compute, BodyJson.ToElement(ImpactApiJson.Classification(result)));
        VisibilityNames.TryParse(s.Visibility, out var visibility);
        var appended = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.ClassificationRecorded, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        if (!appended.Succeeded)
        {
            return new(StatusCodes.Status409Conflict, null, appended.Conflict);
        }

        return new(StatusCodes.Status201Created, await impact.ClassificationAsync(system, includeInternal: true, cancellationToken), null);
    }

    private async Task<double?> MaxComputeAsync(string system, CancellationToken cancellationToken)
    {
        var (eu, _) = await regulatory.CrossingsAsync(system, cancellationToken);
        double? max = eu?.CumulativeFlop;
        foreach (var v in await registry.ListVersionsAsync(system, includeInternal: true, cancellationToken))
        {
            var total = await registry.TotalComputeFlopAsync(system, v.Version, cancellationToken);
            max = max is null || total > max ? total : max;
        }

        return max is > 0 ? max : null;
    }
}
