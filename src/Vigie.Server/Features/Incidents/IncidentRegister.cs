using Microsoft.Extensions.Options;
using Vigie.Core.Concerns;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>Opening, correcting, resolving and reopening incidents: every change is one internal or confidential ledger entry.</summary>
public sealed class IncidentRegister(
    Ledger.Ledger ledger, IncidentQueries queries, RegistryQueries registry, ImpliedRegimes implied, IOptions<IncidentOptions> options, TimeProvider time)
{
    public ClockZone Zone => options.Value.Zone;

    public async Task<IncidentOutcome> OpenAsync(CurrentUser user, IncidentRequests.Open request, CancellationToken cancellationToken)
    {
        var (zone, now) = (Zone, time.GetUtcNow());
        if (IncidentRequests.Check(request, zone, now) is { } invalid)
        {
            return IncidentOutcome.Invalid(invalid);
        }

        if (await MissingSubjectAsync(request.System, request.Version, cancellationToken) is { } missing)
        {
            return IncidentOutcome.Invalid(missing);
        }

        var discoveredAt = IncidentTimes.Read("discovered", request.Discovered, zone, now).At;
        IncidentNames.TryParseCategory(request.Category ?? IncidentVocabulary.DefaultCategory, out var category, out _);
        var fields = IncidentRecord.Apply(new IncidentFields(), request) with
        {
            Category = IncidentNames.Name(category),
            Severity = request.Severity ?? IncidentVocabulary.DefaultSeverity(category, request.ImminentDanger == true),
        };
        var body = new IncidentEntries.OpenedBody(fields, IncidentTimes.Format(discoveredAt), zone.Id,
            await implied.ForAsync(fields.System, discoveredAt, cancellationToken));
        var visibility = request.Visibility == "confidential" ? Visibility.Confidential : Visibility.Internal;
        var result = await ledger.AppendAsync(new LedgerWrite(IncidentEntries.Opened, user.Name, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? IncidentOutcome.Done(result.Index, IncidentIds.Format(result.Index)) : IncidentOutcome.Conflict(result.Conflict!);
    }

    public async Task<IncidentOutcome> UpdateAsync(CurrentUser user, string id, IncidentRequests.Update request, CancellationToken cancellationToken)
    {
        var (zone, now) = (Zone, time.GetUtcNow());
        if (await VisibleAsync(user, id, cancellationToken) is not { } row)
        {
            return IncidentOutcome.NotFound(id);
        }

        if (IncidentRequests.Check(request, zone, now) is { } invalid)
        {
            return IncidentOutcome.Invalid(invalid);
        }

        var state = row.State;
        IncidentFields change = request;
        var next = IncidentRecord.Apply(state.Fields, change);
        if (next.Version is not null && next.System is null)
        {
            return IncidentOutcome.Invalid("A version needs its system: clearing system clears nothing else; clear version too (version: \"\").");
        }

        if ((request.System is { Length: > 0 } || request.Version is { Length: > 0 })
            && await MissingSubjectAsync(next.System, next.Version, cancellationToken) is { } missing)
        {
            return IncidentOutcome.Invalid(missing);
        }

        var changed = IncidentRecord.Changed(state.Fields, change);
        if (changed.Count == 0 && request.Note is null)
        {
            return IncidentOutcome.Invalid("The update changes nothing: every field given already has that value. Add a note to record progress.");
        }

        string? discoveredAt = null;
        IReadOnlyList<IncidentEntries.ImpliedRegime>? impliedNow = null;
        if (changed.Contains("discovered"))
        {
            discoveredAt = IncidentTimes.Format(IncidentTimes.Read("discovered", next.Discovered, zone, now).At);
        }

        if (changed.Intersect(["discovered", "system"]).Any())
        {
            impliedNow = await implied.ForAsync(next.System, IncidentTimes.Parse(discoveredAt ?? state.DiscoveredAt), cancellationToken);
        }

        var body = new IncidentEntries.UpdatedBody(row.Id, IncidentRecord.Only(change, changed), request.Note, discoveredAt, impliedNow);
        return await AppendAsync(user, row, IncidentEntries.Updated, body, cancellationToken);
    }

    public async Task<IncidentOutcome> ResolveAsync(CurrentUser user, string id, IncidentRequests.Resolve request, CancellationToken cancellationToken)
    {
        var (zone, now) = (Zone, time.GetUtcNow());
        if (await VisibleAsync(user, id, cancellationToken) is not { } row)
        {
            return IncidentOutcome.NotFound(id);
        }

        if (IncidentRequests.Check(request, zone, now) is { } invalid)
        {
            return IncidentOutcome.Invalid(invalid);
        }

        var resolvedAt = request.ResolvedAt is null ? now : IncidentTimes.Read("resolvedAt", request.ResolvedAt, zone, now).At;
        if (resolvedAt < IncidentTimes.Parse(row.DiscoveredAt))
        {
            return IncidentOutcome.Invalid($"resolvedAt {IncidentTimes.Format(resolvedAt)} is before the incident was discovered ({row.DiscoveredAt}).");
        }

        var body = new IncidentEntries.ResolvedBody(row.Id, IncidentTimes.Format(resolvedAt), request.Resolution, request.RootCause);
        return await AppendAsync(user, row, IncidentEntries.Resolved, body, cancellationToken);
    }

    public async Task<IncidentOutcome> ReopenAsync(CurrentUser user, string id, IncidentRequests.Reopen request, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(user, id, cancellationToken) is not { } row)
        {
            return IncidentOutcome.NotFound(id);
        }

        if (IncidentRequests.Check(request) is { } invalid)
        {
            return IncidentOutcome.Invalid(invalid);
        }

        return row.IsOpen
            ? IncidentOutcome.Conflict($"Incident {row.Id} is open; only a resolved incident can be reopened.")
            : await AppendAsync(user, row, IncidentEntries.Reopened, new IncidentEntries.ReopenedBody(row.Id, request.Reason), cancellationToken);
    }

    /// <summary>The incident if it exists and <paramref name="user"/> may read it.</summary>
    public async Task<IncidentQueries.IncidentRow?> VisibleAsync(CurrentUser user, string id, CancellationToken cancellationToken) =>
        IncidentIds.TryParse(id, out var index) && await queries.GetAsync(index, cancellationToken) is { } row && IncidentAccess.MayRead(user, row)
            ? row
            : null;

    /// <summary>Every entry about an incident has the incident's own visibility.</summary>
    private async Task<IncidentOutcome> AppendAsync<T>(CurrentUser user, IncidentQueries.IncidentRow row, string kind, T body, CancellationToken cancellationToken)
    {
        VisibilityNames.TryParse(row.Visibility, out var visibility);
        var result = await ledger.AppendAsync(new LedgerWrite(kind, user.Name, visibility, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? IncidentOutcome.Done(result.Index, row.Id) : IncidentOutcome.Conflict(result.Conflict!);
    }

    private async Task<string?> MissingSubjectAsync(string? system, string? version, CancellationToken cancellationToken)
    {
        if (system is null)
        {
            return null;
        }

        if (await registry.GetSystemAsync(system, includeInternal: true, cancellationToken) is null)
        {
            return $"No system '{system}' is registered (vigie systems add {system}); an incident names a registered system, or none.";
        }

        return version is not null && await registry.GetVersionAsync(system, version, cancellationToken) is null
            ? $"No version {system}@{version} is registered (vigie versions add {system} {version})."
            : null;
    }
}
