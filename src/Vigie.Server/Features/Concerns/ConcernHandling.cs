using Vigie.Core.Concerns;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The organisation's side: registering recipients' public keys, the routing settings, and the
/// handling steps (acknowledge, reply, close). Each step is a public fact with its day and no
/// name, plus an internal companion that records who acted and the sealed message.
/// </summary>
public sealed class ConcernHandling(ConcernQueries queries, UserQueries users, Ledger.Ledger ledger, ConcernClockCheck clocks, TimeProvider time)
{
    public async Task<(long Index, string? KeyId, IResult? Problem)> RegisterKeyAsync(CurrentUser caller, ConcernRequests.RecipientKey request, CancellationToken cancellationToken)
    {
        if (caller.Name != request.User && !caller.IsAdmin)
        {
            return (-1, null, Problems.Forbidden("Only an admin, or the recipient themself, registers a recipient's key."));
        }

        var user = await users.FindAsync(request.User, cancellationToken);
        if (user is null)
        {
            return (-1, null, Problems.NotFound($"There is no user named '{request.User}'."));
        }

        if (!user.RoleList.Contains(Roles.ConcernRecipient, StringComparer.Ordinal))
        {
            return (-1, null, Problems.BadRequest($"'{request.User}' does not have the {Roles.ConcernRecipient} role; only concern recipients register keys."));
        }

        if (!ConcernPublicKey.TryImport(request.PublicKey, out var key, out var error))
        {
            return (-1, null, Problems.BadRequest(error));
        }

        var body = new ConcernEntries.RecipientKeyBody(request.User, key.Export(), key.KeyId);
        var result = await ledger.AppendAsync(new LedgerWrite(ConcernEntries.RecipientKey, caller.Name, Visibility.Public, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded ? (result.Index, key.KeyId, null) : (-1, null, Problems.Conflict(result.Conflict!));
    }

    public async Task<(long Index, IResult? Problem)> SetRoutingAsync(CurrentUser admin, ConcernRequests.Routing request, CancellationToken cancellationToken)
    {
        if ((await queries.RoutingSourceAsync(cancellationToken)) is { FromCharter: true, Source: var source })
        {
            return (-1, Problems.Conflict(
                $"Concern routing is set by {source}: change it there, through a charter-change decision (vigie decisions open --type charter-change --charter FILE)."));
        }

        var routing = new ConcernRouting(request.Recipients, request.Tiers ?? [], request.Zone ?? ClockZone.Utc.Id, request.ExternalChannels ?? []);
        if (await RoutingProblemAsync(routing, cancellationToken) is { } invalid)
        {
            return (-1, Problems.BadRequest(invalid));
        }

        var result = await ledger.AppendAsync(new LedgerWrite(ConcernEntries.Routing, admin.Name, Visibility.Public, BodyJson.ToElement(routing)), cancellationToken);
        return (result.Index, result.Succeeded ? null : Problems.Conflict(result.Conflict!));
    }

    /// <summary>Why <paramref name="routing"/> cannot route concerns now (the people it names included), or null.</summary>
    public async Task<string?> RoutingProblemAsync(ConcernRouting routing, CancellationToken cancellationToken)
    {
        var keys = (await queries.KeysAsync(cancellationToken)).Select(k => k.UserName).ToHashSet(StringComparer.Ordinal);
        var roles = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        foreach (var user in routing.AllUsers.Take(ConcernRouter.MaxRecipients + 1))
        {
            roles[user] = (await users.FindAsync(user, cancellationToken))?.RoleList;
        }

        return ConcernRoutingRules.Validate(routing, u => roles.GetValueOrDefault(u), keys.Contains);
    }

    /// <summary>The concern if <paramref name="user"/> may handle it now; otherwise a 404 that does not say whether it exists.</summary>
    public async Task<(ConcernQueries.ConcernRow? Concern, IResult? Problem)> VisibleAsync(CurrentUser user, string id, CancellationToken cancellationToken)
    {
        var concern = ConcernNames.IsId(id) ? await queries.FindAsync(id, cancellationToken) : null;
        var recipient = concern is null ? null : (await queries.RecipientsAsync(id, cancellationToken)).FirstOrDefault(r => r.UserName == user.Name);
        return recipient is not null && recipient.Tier <= concern!.Level
            ? (concern, null)
            : (null, Problems.NotFound($"No concern '{id}' is routed to you."));
    }

    public async Task<(long Index, IResult? Problem)> StepAsync(
        CurrentUser user, ConcernQueries.ConcernRow concern, string step, ConcernRequests.Step request, CancellationToken cancellationToken)
    {
        if (concern.ClosedOn is not null)
        {
            return (-1, Problems.Conflict($"Concern {concern.Id} was closed on {concern.ClosedOn}."));
        }

        if (step == ConcernNames.StepAcknowledged && concern.AcknowledgedOn is not null)
        {
            return (-1, Problems.Conflict($"Concern {concern.Id} was already acknowledged on {concern.AcknowledgedOn}."));
        }

        if (StepError(step, request) is { } invalid)
        {
            return (-1, Problems.BadRequest(invalid));
        }

        System.Text.Json.JsonElement? message = null;
        if (request.Message is { } given)
        {
            var (checkedMessage, problem) = await ConcernMessages.CheckAsync(queries, concern, given, cancellationToken);
            if (checkedMessage is null)
            {
                return (-1, problem);
            }

            message = checkedMessage;
        }

        var date = ConcernNames.Day((await clocks.ZoneAsync(cancellationToken)).DateOf(time.GetUtcNow()));
        var (kind, fact) = step switch
        {
            ConcernNames.StepAcknowledged => (ConcernEntries.Acknowledged, new ConcernEntries.FactBody(concern.Id, date)),
            ConcernNames.StepReplied => (ConcernEntries.Replied, new ConcernEntries.FactBody(concern.Id, date, Feedback: request.Feedback)),
            _ => (ConcernEntries.Closed, new ConcernEntries.FactBody(concern.Id, date, Outcome: request.Outcome)),
        };
        var result = await ledger.AppendAllAsync(
        [
            new LedgerWrite(kind, null, Visibility.Public, BodyJson.ToElement(fact)) { DayPrecisionTime = true },
            new LedgerWrite(ConcernEntries.Step, user.Name, Visibility.Internal,
                BodyJson.ToElement(new ConcernEntries.StepBody(concern.Id, step, date, message, request.Category))) { DayPrecisionTime = true },
        ], cancellationToken);
        return result.Succeeded ? (result.Index, null) : (-1, Problems.Conflict(result.Conflict!));
    }

    private static string? StepError(string step, ConcernRequests.Step request)
    {
        if (step == ConcernNames.StepReplied && request.Message is null)
        {
            return "A reply needs \"message\": the text sealed to the reporter and the recipients (vigie concerns reply does it).";
        }

        if (step == ConcernNames.StepClosed && (request.Outcome is null || !ConcernNames.Outcomes.Contains(request.Outcome, StringComparer.Ordinal)))
        {
            return $"Closing needs \"outcome\", one of: {string.Join(", ", ConcernNames.Outcomes)}.";
        }

        if (step != ConcernNames.StepClosed && request.Outcome is not null)
        {
            return "\"outcome\" is given when closing only.";
        }

        if (step != ConcernNames.StepReplied && request.Feedback)
        {
            return "\"feedback\" marks a reply only.";
        }

        return request.Category is not null && !ConcernNames.Categories.Contains(request.Category, StringComparer.Ordinal)
            ? $"'{request.Category}' is not a category. Categories are: {string.Join(", ", ConcernNames.Categories)}."
            : null;
    }
}
