using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Portal;

/// <summary>Disclosures and stated redaction reasons, one row per entry that made them.</summary>
public sealed class PortalProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } = [PortalEntries.Disclosed, PortalEntries.ReasonStated];

    public bool MayRefuse => false;

    public IReadOnlyList<string> Tables { get; } = ["portal_disclosures", "portal_redaction_reasons"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        var at = LedgerTime.Format(record.Envelope.Time);
        var actor = record.Envelope.Actor ?? "";
        if (record.Envelope.Kind == PortalEntries.Disclosed)
        {
            var d = BodyJson.Read<PortalEntries.DisclosedBody>(body);
            await tx.InsertAsync(
                "INSERT INTO portal_disclosures (log_index, entry, reason, published_at, published_by) VALUES (@p0, @p1, @p2, @p3, @p4)",
                record.Index, d.Entry, d.Reason, at, actor);
        }
        else
        {
            var r = BodyJson.Read<PortalEntries.ReasonBody>(body);
            await tx.InsertAsync(
                "INSERT INTO portal_redaction_reasons (log_index, entry, reason, stated_at, stated_by) VALUES (@p0, @p1, @p2, @p3, @p4)",
                record.Index, r.Entry, r.Reason, at, actor);
        }

        return null;
    }
}
