using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Concerns;
using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Recording that a report was sent to a regime's authority: when, under which obligation, with
/// which reference, and the report itself (the draft as it stood, and the text sent if given),
/// as one ledger entry with the incident's visibility. Kept as documentation (retention).
/// </summary>
public sealed class IncidentSubmissions(Ledger.Ledger ledger, IncidentRegister register, IncidentReads reads, IncidentQueries queries)
{
    public async Task<IncidentOutcome> SubmitAsync(CurrentUser user, string id, IncidentRequests.Submit request, CancellationToken cancellationToken)
    {
        var (zone, now) = (reads.Zone, reads.Now);
        if (await register.VisibleAsync(user, id, cancellationToken) is not { } row)
        {
            return IncidentOutcome.NotFound(id);
        }

        if (IncidentRequests.Check(request, zone, now) is { } invalid)
        {
            return IncidentOutcome.Invalid(invalid);
        }

        var incident = await reads.LoadAsync(row, cancellationToken);
        IncidentNames.TryParseRegime(request.Regime, out var regime, out _);
        if (incident.Record.Fields.Category == IncidentNames.Name(IncidentCategory.NearMiss))
        {
            return IncidentOutcome.Conflict($"{row.Id} is a near miss: no regime here asks for a report of one. Change its category first if it was an incident.");
        }

        if (incident.Regimes.All(r => r.Regime != regime))
        {
            return IncidentOutcome.Conflict(
                $"{request.Regime} does not apply to {row.Id} (it is under: {Names(incident.Regimes)}). " +
                $"If it does, name it: vigie incidents update {row.Id} --regime {request.Regime}.");
        }

        var submittedAt = request.SubmittedAt is null ? now : IncidentTimes.Read("submittedAt", request.SubmittedAt, zone, now).At;
        if (submittedAt < IncidentTimes.Parse(incident.Record.DiscoveredAt))
        {
            return IncidentOutcome.Invalid($"submittedAt {IncidentTimes.Format(submittedAt)} is before the incident was discovered ({incident.Record.DiscoveredAt}).");
        }

        var mine = incident.Deadlines.Where(d => d.Regime == regime).ToList();
        var deadline = request.Obligation is { } named
            ? mine.FirstOrDefault(d => d.Deadline.Obligation == named)
            : mine.FirstOrDefault(d => d.IsPending);
        if (deadline is null)
        {
            return IncidentOutcome.Conflict(request.Obligation is null
                ? $"Every report {row.Id} owes under {request.Regime} is recorded already. To record another, name it with --obligation ({Codes(mine)})."
                : $"{request.Obligation} is not running for {row.Id} now; under {request.Regime} it has: {Codes(mine)}.");
        }

        var draft = IncidentReportDraft.Build(row, incident.Record, deadline, await queries.EventsAsync(row.LogIndex, cancellationToken), incident.Submissions, now);
        var report = BodyJson.ToElement(draft);
        var digest = Convert.ToHexStringLower(SHA256.HashData(request.SentText is { } sent ? Encoding.UTF8.GetBytes(sent) : Jcs.Canonicalize(report)));
        var body = new IncidentEntries.SubmittedBody(row.Id, request.Regime, deadline.Deadline.Obligation, IncidentTimes.Format(submittedAt), report, digest,
            request.Reference, request.Recipient, request.Note, request.SentText);
        VisibilityNames.TryParse(row.Visibility, out var visibility);
        var result = await ledger.AppendAsync(new LedgerWrite(IncidentEntries.Submitted, user.Name, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? IncidentOutcome.Done(result.Index, row.Id) : IncidentOutcome.Conflict(result.Conflict!);
    }

    private static string Names(IReadOnlyList<ApplicableRegime> regimes) =>
        regimes.Count == 0 ? "no regime yet" : string.Join(", ", regimes.Select(r => r.Name));

    private static string Codes(IReadOnlyList<IncidentDeadline> deadlines) =>
        deadlines.Count == 0 ? "no deadline" : string.Join(", ", deadlines.Select(d => d.Deadline.Obligation).Distinct());
}
