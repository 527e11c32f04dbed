using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Evidence;

/// <summary>The evidence table, derived from evidence.recorded entries; the id is the entry's log index.</summary>
public sealed class EvidenceProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } = [EvidenceEntries.Recorded];

    public bool MayRefuse => false;

    public IReadOnlyList<string> Tables { get; } = ["evidence"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        var e = BodyJson.Read<EvidenceEntries.RecordedBody>(body);
        await tx.InsertAsync(
            """
            INSERT INTO evidence (log_index, sha256, name, media_type, size_bytes, subject, description, visibility, recorded_at, recorded_by)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """,
            record.Index,
            e.Sha256,
            e.Name,
            e.MediaType,
            e.Size,
            e.Subject,
            e.Description,
            VisibilityNames.Of(record.Envelope.Visibility),
            LedgerTime.Format(record.Envelope.Time),
            record.Envelope.Actor ?? "");
        return null;
    }
}
