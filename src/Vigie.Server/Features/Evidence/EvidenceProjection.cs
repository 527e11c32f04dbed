using Dapper;
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
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO evidence (id, sha256, name, media_type, size_bytes, subject, description, visibility, log_index, recorded_at, recorded_by)
            VALUES (@id, @sha256, @name, @mediaType, @size, @subject, @description, @visibility, @index, @at, @by)
            """,
            new
            {
                id = EvidenceIds.Format(record.Index),
                sha256 = e.Sha256,
                name = e.Name,
                mediaType = e.MediaType,
                size = e.Size,
                subject = e.Subject,
                description = e.Description,
                visibility = VisibilityNames.Of(record.Envelope.Visibility),
                index = record.Index,
                at = LedgerTime.Format(record.Envelope.Time),
                by = record.Envelope.Actor ?? "",
            },
            tx.Transaction);
        return null;
    }
}
