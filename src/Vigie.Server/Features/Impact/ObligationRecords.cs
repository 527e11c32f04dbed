using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>Recording that one of a system's current obligations was met (API and web page): a ledger entry with its reference, the system's visibility.</summary>
public sealed class ObligationRecords(Ledger.Ledger ledger, RegulatoryQueries regulatory, RegistryQueries registry)
{
    public sealed record Outcome(int Status, long Index, DateTimeOffset Time, string? Error);

    public async Task<Outcome> RecordMetAsync(string actor, string system, string obligation, ImpactRequests.RecordMet request, CancellationToken cancellationToken)
    {
        if (ImpactRequests.Check(request) is { } invalid)
        {
            return new(StatusCodes.Status400BadRequest, -1, default, invalid);
        }

        var view = await regulatory.ViewAsync(system, cancellationToken);
        if (view is null)
        {
            return new(StatusCodes.Status404NotFound, -1, default, $"No system '{system}' is registered.");
        }

        if (view.Obligations.All(o => o.Id != obligation))
        {
            return new(StatusCodes.Status400BadRequest, -1, default,
                $"'{obligation}' is not an obligation of '{system}' now; its obligations are: {(view.Obligations.Count == 0 ? "none" : string.Join(", ", view.Obligations.Select(o => o.Id)))}.");
        }

        var s = (await registry.GetSystemAsync(system, true, cancellationToken))!;
        VisibilityNames.TryParse(s.Visibility, out var visibility);
        var body = new ImpactEntries.MetBody(system, obligation, request.Reference, request.Note);
        var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.ObligationMet, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? new(StatusCodes.Status201Created, result.Index, result.Time, null)
            : new(StatusCodes.Status409Conflict, -1, default, result.Conflict);
    }
}
