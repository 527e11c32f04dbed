using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigie.Core.Concerns;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The reporter's side: who a concern goes to, filing a sealed concern, finding it again with a
/// receipt's locator and access code (same cost whether or not the locator exists), and the
/// reporter's answers. Nothing here sees or keeps who the reporter is.
/// </summary>
public sealed class ConcernFiling(
    ConcernQueries queries, UserQueries users, Ledger.Ledger ledger, ConcernClockCheck clocks, ConcernPending pending, IOptions<ConcernOptions> options, TimeProvider time)
{
    /// <summary>A filed concern: its log indexes, or (held for its batch) the day it enters the log.</summary>
    public sealed record Filed(string Concern, long? Index, long? ReceivedIndex, string ReceivedOn, string EnvelopeSha256, string? EntersLogOn = null);

    /// <summary>The recipients of a concern about <paramref name="about"/>, or the problem why there are none.</summary>
    public async Task<(ConcernRouter.Route? Route, ConcernRouting? Routing, IResult? Problem)> RouteAsync(IReadOnlyCollection<string> about, CancellationToken cancellationToken)
    {
        var (routing, source, fromCharter) = await queries.RoutingSourceAsync(cancellationToken);
        if (routing is null)
        {
            return (null, null, Problems.Conflict(
                "The organisation has not set up who receives concerns yet (an admin sets the routing). Meanwhile, use an external channel."));
        }

        var keys = (await queries.KeysAsync(cancellationToken)).ToDictionary(k => k.UserName, StringComparer.Ordinal);
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var user in routing.AllUsers)
        {
            roles[user] = (await users.FindAsync(user, cancellationToken))?.RoleList ?? [];
        }

        // The server setting was checked when recorded; a charter's section only for its shape,
        // so the people it names are checked here, before anyone seals to a partial routing.
        if (fromCharter && ConcernRoutingRules.Validate(routing, u => roles.TryGetValue(u, out var r) && r.Count > 0 ? r : null, keys.ContainsKey) is { } invalid)
        {
            return (null, routing, Problems.Conflict(
                $"Concerns cannot be routed as {source} says: {invalid} The organisation must fix this; meanwhile, use an external channel."));
        }

        var (route, error) = ConcernRouter.Plan(routing, about, u => roles.GetValueOrDefault(u) ?? [], u => keys.GetValueOrDefault(u));
        return (route, routing, error is null ? null : Problems.Conflict(error));
    }

    public async Task<(Filed? Filed, IResult? Problem)> FileAsync(ConcernRequests.File request, CancellationToken cancellationToken)
    {
        var about = request.About ?? [];
        var category = request.Category ?? "other";
        var invalid = AboutError(about) ?? CategoryError(category);
        byte[] access = [];
        invalid ??= ReceiptError(request.Locator, request.Access, out access);
        if (invalid is not null)
        {
            return (null, Problems.BadRequest(invalid));
        }

        if (!ConcernEnvelope.TryParse(request.Envelope, out var envelope, out var envelopeError))
        {
            return (null, Problems.BadRequest(envelopeError));
        }

        var (route, _, problem) = await RouteAsync(about, cancellationToken);
        if (route is null)
        {
            return (null, problem);
        }

        var routedIds = route.Recipients.Select(r => r.KeyId).ToHashSet(StringComparer.Ordinal);
        var extra = envelope.RecipientKeyIds.Where(id => !routedIds.Contains(id)).ToList();
        if (!routedIds.IsSubsetOf(envelope.RecipientKeyIds) || extra.Count != 1)
        {
            return (null, Problems.BadRequest(
                $"The concern must be sealed to exactly its {routedIds.Count} recipients ({string.Join(", ", routedIds.Order())}) and to your own reply key; "
                + $"it is sealed to {string.Join(", ", envelope.RecipientKeyIds)}. Fetch GET /api/v1/concerns/recipients again and seal again."));
        }

        // Argon2id costs a fifth of a second of CPU: off the request thread.
        var hash = await Task.Run(() => ConcernReceiptHash.CreateForAccess(request.Locator, access), cancellationToken);
        var zone = await clocks.ZoneAsync(cancellationToken);
        var date = ConcernNames.Day(zone.DateOf(time.GetUtcNow()));
        var id = ConcernNames.NewId();
        var canonical = envelope.ToJson();
        var sha256 = Convert.ToHexStringLower(envelope.Digest());
        using var document = JsonDocument.Parse(canonical);
        var received = new ConcernEntries.ReceivedBody(id, date, request.Locator, hash.Encoded, document.RootElement.Clone(), extra[0],
            category, about.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), route.Tiers, route.Recipients, route.Level);
        var filed = new ConcernEntries.FactBody(id, date, EnvelopeSha256: sha256);
        if (options.Value.BatchFilings)
        {
            return await HoldAsync(received, filed, cancellationToken);
        }

        var result = await ledger.AppendAllAsync(
        [
            new LedgerWrite(ConcernEntries.Received, null, Visibility.Confidential, BodyJson.ToElement(received)) { DayPrecisionTime = true },
            new LedgerWrite(ConcernEntries.Filed, null, Visibility.Public, BodyJson.ToElement(filed)) { DayPrecisionTime = true },
        ], cancellationToken);
        return result.Succeeded
            ? (new Filed(id, result.Index + 1, result.Index, date, sha256), null)
            : (null, Problems.Conflict(result.Conflict!));
    }

    /// <summary>Holds a filing for its batch (<see cref="ConcernPending"/>); a locator already in use anywhere is refused as on append.</summary>
    private async Task<(Filed? Filed, IResult? Problem)> HoldAsync(ConcernEntries.ReceivedBody received, ConcernEntries.FactBody filed, CancellationToken cancellationToken)
    {
        var appendAt = ConcernPending.AppendTime(time.GetUtcNow());
        var taken = await queries.FindByLocatorAsync(received.Locator, cancellationToken) is not null
                    || await pending.LocatorOrIdTakenAsync(received.Locator, received.Concern, cancellationToken)
                    || !await pending.AddAsync(received, filed, appendAt, cancellationToken);
        return taken
            ? (null, Problems.Conflict(ConcernProjection.LocatorTaken))
            : (new Filed(received.Concern, null, null, received.Date, filed.EnvelopeSha256!, ConcernNames.Day(DateOnly.FromDateTime(appendAt.UtcDateTime))), null);
    }

    /// <summary>
    /// The concern a receipt opens, or null. An unknown locator is checked against a decoy hash,
    /// so a wrong receipt costs the same time whether or not its locator exists.
    /// </summary>
    public async Task<(ConcernQueries.ConcernRow? Concern, IResult? Problem)> OpenAsync(string locator, string accessText, CancellationToken cancellationToken)
    {
        if (ReceiptError(locator, accessText, out var access) is { } invalid)
        {
            return (null, Problems.BadRequest(invalid));
        }

        var row = await queries.FindByLocatorAsync(locator, cancellationToken)
                  ?? (await pending.FindByLocatorAsync(locator, cancellationToken) is { } held ? Held(held) : null);
        var hash = row is not null && ConcernReceiptHash.TryParse(row.ReceiptHash, out var stored, out _) ? stored : ConcernReceiptHash.Decoy;
        var matches = await Task.Run(() => hash.VerifyAccess(locator, access), cancellationToken);
        return matches && row is not null
            ? (row, null)
            : (null, Problems.NotFound("No concern matches this receipt. Check each group of the receipt (36 characters); letters I, L and O may be typed as 1, 1 and 0."));
    }

    /// <summary>A held filing as the reporter's status shows it: no log index yet, no steps.</summary>
    private static ConcernQueries.ConcernRow Held(ConcernPending.Row held)
    {
        var r = JsonSerializer.Deserialize<ConcernEntries.ReceivedBody>(held.Received, BodyJson.Options)!;
        var envelope = System.Text.Encoding.UTF8.GetString(Vigie.Core.Json.Jcs.Canonicalize(r.Envelope));
        return new ConcernQueries.ConcernRow
        {
            Id = r.Concern, Locator = r.Locator, ReceiptHash = r.ReceiptHash, Envelope = envelope,
            EnvelopeSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(envelope))),
            ReporterKeyId = r.ReporterKeyId, Category = r.Category, About = string.Join(',', r.About), Tiers = string.Join(',', r.Tiers),
            Level = r.Level, ReceivedOn = r.Date, ReceivedIndex = -1, EntersLogOn = held.AppendAt[..10],
        };
    }

    /// <summary>Records the reporter's answer: a public fact and the sealed message, neither naming anyone.</summary>
    public async Task<(long Index, IResult? Problem)> AnswerAsync(ConcernQueries.ConcernRow concern, JsonElement message, CancellationToken cancellationToken)
    {
        if (concern.ClosedOn is not null)
        {
            return (-1, Problems.Conflict($"This concern was closed on {concern.ClosedOn}; it takes no more answers. The external channels remain open to you."));
        }

        if (concern.EntersLogOn is not null)
        {
            return (-1, Problems.Conflict($"This concern enters the log on {concern.EntersLogOn}; its recipients read it from then on. Answer after that."));
        }

        var (sealedMessage, problem) = await ConcernMessages.CheckAsync(queries, concern, message, cancellationToken);
        if (sealedMessage is null)
        {
            return (-1, problem);
        }

        var date = ConcernNames.Day((await clocks.ZoneAsync(cancellationToken)).DateOf(time.GetUtcNow()));
        var result = await ledger.AppendAllAsync(
        [
            new LedgerWrite(ConcernEntries.Answered, null, Visibility.Public,
                BodyJson.ToElement(new ConcernEntries.FactBody(concern.Id, date))) { DayPrecisionTime = true },
            new LedgerWrite(ConcernEntries.Step, null, Visibility.Internal,
                BodyJson.ToElement(new ConcernEntries.StepBody(concern.Id, ConcernNames.StepAnswered, date, sealedMessage))) { DayPrecisionTime = true },
        ], cancellationToken);
        return result.Succeeded ? (result.Index, null) : (-1, Problems.Conflict(result.Conflict!));
    }

    private static string? AboutError(IReadOnlyList<string> about) =>
        about.Count > Roles.All.Count ? "Name each role at most once in \"about\"."
        : about.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown ? $"'{unknown}' is not a role. Roles are: {string.Join(", ", Roles.All)}."
        : null;

    private static string? CategoryError(string category) =>
        ConcernNames.Categories.Contains(category, StringComparer.Ordinal) ? null
        : $"'{category}' is not a category. Categories are: {string.Join(", ", ConcernNames.Categories)}.";

    private static string? ReceiptError(string locator, string accessText, out byte[] access)
    {
        access = [];
        if (!ConcernReceipt.IsLocator(locator))
        {
            return "\"locator\" must be the receipt's first 9 symbols (Crockford base32, upper case).";
        }

        var buffer = new byte[ConcernReporterKeys.AccessSize];
        if (accessText.Length != 44 || !Convert.TryFromBase64String(accessText, buffer, out var written)
            || written != ConcernReporterKeys.AccessSize || Convert.ToBase64String(buffer) != accessText)
        {
            return "\"access\" must be the receipt's access code: 32 bytes in base64 (computed from the receipt on your own machine).";
        }

        access = buffer;
        return null;
    }
}
