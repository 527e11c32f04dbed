using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Http;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// The two authorised acts on withheld entries: publishing one (its body and salt go into a public
/// entry, so anyone can check them against the commitment the log has held since), and stating
/// why one stays withheld.
/// </summary>
public sealed class PortalDisclosures(Ledger.Ledger ledger, LedgerStore store, PortalQueries queries)
{
    public const int MaxReasonLength = 2000;

    /// <summary>Returns the new entry's index, or the problem that refused it (nothing written then).</summary>
    public async Task<(long Index, IResult? Problem)> PublishAsync(string actor, long entry, string? reason, CancellationToken cancellationToken)
    {
        var (envelope, problem) = await WithheldAsync(entry, cancellationToken);
        if (problem is not null)
        {
            return (0, problem);
        }

        if (reason is not null && TextRules.Check("reason", reason, 1, MaxReasonLength, multiline: true) is { } badReason)
        {
            return (0, Problems.BadRequest(badReason));
        }

        if (await queries.DisclosureAsync(entry, cancellationToken) is { } done)
        {
            return (0, Problems.Conflict($"Entry {entry} was already published by entry {done.LogIndex} ({done.PublishedAt})."));
        }

        await using var c = await store.Database.OpenAsync(cancellationToken);
        var sealedRow = await store.ReadSealedAsync(c, null, entry);
        if (sealedRow is null)
        {
            return (0, Problems.Conflict($"The body of entry {entry} was erased (retention or erasure); there is nothing left to publish. The log stays verifiable without it."));
        }

        // The bodies kept beside the log must be the ones committed to; if not, publishing would prove nothing.
        if (!Commitment.Matches(envelope!, new SealedBody(sealedRow.Salt, sealedRow.Body)))
        {
            throw new InvalidDataException($"The stored body of entry {entry} does not match its commitment.");
        }

        using var revealed = JsonDocument.Parse(sealedRow.Body);
        var body = new PortalEntries.DisclosedBody(entry, envelope!.Kind, Convert.ToBase64String(sealedRow.Salt), revealed.RootElement, reason);
        var result = await ledger.AppendAsync(new LedgerWrite(PortalEntries.Disclosed, actor, Visibility.Public, BodyJson.ToElement(body)), cancellationToken);
        return result.Succeeded
            ? (result.Index, null)
            : (0, Problems.TooLarge($"Entry {entry} cannot be published in one entry: {result.Conflict}"));
    }

    public async Task<(long Index, IResult? Problem)> StateReasonAsync(string actor, long entry, string reason, CancellationToken cancellationToken)
    {
        if (TextRules.Check("reason", reason ?? "", 1, MaxReasonLength, multiline: true) is { } badReason)
        {
            return (0, Problems.BadRequest(badReason));
        }

        var (_, problem) = await WithheldAsync(entry, cancellationToken);
        if (problem is not null)
        {
            return (0, problem);
        }

        var result = await ledger.AppendAsync(
            new LedgerWrite(PortalEntries.ReasonStated, actor, Visibility.Public, BodyJson.ToElement(new PortalEntries.ReasonBody(entry, reason!))), cancellationToken);
        return result.Succeeded ? (result.Index, null) : (0, Problems.BadRequest(result.Conflict!));
    }

    private async Task<(Envelope? Envelope, IResult? Problem)> WithheldAsync(long entry, CancellationToken cancellationToken)
    {
        if (entry < 0 || entry >= ledger.Tree.Size)
        {
            return (null, Problems.NotFound($"The log has {ledger.Tree.Size} entries; there is no entry {entry}."));
        }

        var bytes = await store.ReadEnvelopeAsync(entry, cancellationToken);
        if (bytes is null || !Envelope.TryParse(bytes, out var envelope, out _))
        {
            return (null, Problems.NotFound($"Entry {entry} could not be read."));
        }

        return envelope!.Visibility == Visibility.Public
            ? (null, Problems.Conflict($"Entry {entry} is public already; only internal or confidential entries are withheld."))
            : (envelope, null);
    }
}
