using System.Runtime.InteropServices;
using System.Text.Json;
using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// One entry as the public sees it, and for a published withheld entry the check anyone can redo:
/// the salt and body from the public disclosure entry, hashed, against the commitment the withheld
/// entry has carried since it was written (<see cref="Commitment.Matches"/>). Only the log is read.
/// </summary>
public sealed class PortalEntryCheck(LedgerStore store, PortalQueries queries)
{
    public sealed record EntryView(
        long Index, Envelope Envelope, string CanonicalJson, IReadOnlyList<PortalQueries.ReasonRow> Reasons, Disclosure? Disclosed);

    /// <summary>A disclosure: the entry that published it, what it revealed, and whether that matches the commitment.</summary>
    public sealed record Disclosure(long LogIndex, string PublishedAt, string? PublishedBy, string? Reason, string Salt, string Body, bool Matches);

    public async Task<EntryView?> ReadAsync(long index, long treeSize, CancellationToken cancellationToken)
    {
        if (index < 0 || index >= treeSize)
        {
            return null;
        }

        var bytes = await store.ReadEnvelopeAsync(index, cancellationToken);
        if (bytes is null || !Envelope.TryParse(bytes, out var envelope, out _))
        {
            return null;
        }

        if (envelope!.Visibility == Visibility.Public)
        {
            return new EntryView(index, envelope, System.Text.Encoding.UTF8.GetString(bytes), [], null);
        }

        var reasons = await queries.ReasonsAsync(index, cancellationToken);
        var disclosure = await queries.DisclosureAsync(index, cancellationToken);
        return new EntryView(index, envelope, System.Text.Encoding.UTF8.GetString(bytes), reasons,
            disclosure is null ? null : await CheckAsync(envelope, disclosure, cancellationToken));
    }

    private async Task<Disclosure?> CheckAsync(Envelope withheld, PortalQueries.DisclosureRow row, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadEnvelopeAsync(row.LogIndex, cancellationToken);
        if (bytes is null || !Envelope.TryParse(bytes, out var published, out _) || published!.Body is not { } body)
        {
            return null;
        }

        var salt = body.GetProperty("salt").GetString() ?? "";
        var revealed = body.GetProperty("body");
        var matches = Convert.TryFromBase64String(salt, new byte[SealedBody.SaltLength], out var written) && written == SealedBody.SaltLength
            && Jcs.TryCanonicalize(JsonMarshal.GetRawUtf8Value(revealed), out var canonical, out _)
            && Commitment.Matches(withheld, new SealedBody(Convert.FromBase64String(salt), canonical!));
        var pretty = JsonSerializer.Serialize(revealed, new JsonSerializerOptions { WriteIndented = true });
        return new Disclosure(row.LogIndex, row.PublishedAt, published.Actor, row.Reason, salt, pretty, matches);
    }
}
