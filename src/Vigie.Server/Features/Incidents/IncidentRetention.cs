using Microsoft.Extensions.Options;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Expires what the retention periods no longer require: an incident's record
/// (<see cref="IncidentOptions.RecordYears"/> after it was resolved; never while it is open) and
/// each report sent (<see cref="IncidentOptions.DocumentationYears"/> after it was sent). Each
/// expiry is a public <c>incident.expired/v1</c> entry whose projection deletes the bodies it
/// lists; log entries stay, so the log still verifies. Run by <see cref="IncidentRetentionService"/>
/// on the injected clock, and callable directly.
/// </summary>
public sealed class IncidentRetention(IncidentQueries queries, Ledger.Ledger ledger, IOptions<IncidentOptions> options, TimeProvider time)
{
    public const string RecordRule =
        "Incident records are kept {0} years after the incident was resolved (General-Purpose AI Code of Practice, Safety and Security chapter: at least 5 years)";

    public const string DocumentationRule =
        "Reports sent to authorities are kept {0} years after they were sent (General-Purpose AI Code of Practice: documentation kept 10 years)";

    /// <summary>Appends the expiries now due; returns how many were recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var today = IncidentTimes.Format(now)[..10];
        var expired = 0;

        var records = await queries.RecordEntriesAsync(cancellationToken);
        foreach (var row in await queries.ListAsync(IncidentVocabulary.Resolved, null, int.MaxValue, cancellationToken))
        {
            if (row.ResolvedAt is { } resolved && IncidentTimes.Parse(resolved).AddYears(settings.RecordYears) <= now)
            {
                var rule = string.Format(System.Globalization.CultureInfo.InvariantCulture, RecordRule, settings.RecordYears);
                expired += await ExpireAsync(new IncidentEntries.ExpiredBody(row.Id, IncidentExpiryProjection.Record, [.. records[row.LogIndex]], today, rule), cancellationToken);
            }
        }

        foreach (var group in (await queries.SubmissionsAsync(null, cancellationToken))
                     .Where(s => s.SubmittedInstant.AddYears(settings.DocumentationYears) <= now)
                     .GroupBy(s => s.Incident))
        {
            var rule = string.Format(System.Globalization.CultureInfo.InvariantCulture, DocumentationRule, settings.DocumentationYears);
            expired += await ExpireAsync(new IncidentEntries.ExpiredBody(IncidentIds.Format(group.Key), IncidentExpiryProjection.Documentation,
                [.. group.Select(s => s.LogIndex).Order()], today, rule), cancellationToken);
        }

        return expired;
    }

    /// <summary>A refused expiry (the record changed meanwhile) writes nothing; the next run prepares it again.</summary>
    private async Task<int> ExpireAsync(IncidentEntries.ExpiredBody body, CancellationToken cancellationToken)
    {
        if (body.Erased.Count == 0)
        {
            return 0;
        }

        var result = await ledger.AppendAsync(new LedgerWrite(IncidentEntries.Expired, null, Visibility.Public, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? 1 : 0;
    }
}
