using Dapper;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Evidence;

/// <summary>How evidence is read, filtered to what the caller may see.</summary>
public sealed class EvidenceQueries(Database database)
{
    public sealed record EvidenceRow(
        string Sha256, string Name, string? MediaType, long? SizeBytes, string? Subject,
        string? Description, string Visibility, long LogIndex, string RecordedAt, string RecordedBy)
    {
        /// <summary>The id people see, computed rather than stored (a stored one would need its own index).</summary>
        public string Id => EvidenceIds.Format(LogIndex);
    }

    private const string Columns =
        "sha256 AS Sha256, name AS Name, media_type AS MediaType, size_bytes AS SizeBytes, subject AS Subject, " +
        "description AS Description, visibility AS Visibility, log_index AS LogIndex, recorded_at AS RecordedAt, recorded_by AS RecordedBy";

    public async Task<IReadOnlyList<EvidenceRow>> FindAsync(
        string? sha256, string? subject, bool includeInternal, int limit, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (sha256 is not null) where.Add("sha256 = @sha256");
        if (subject is not null) where.Add("subject = @subject");
        where.Add(includeInternal ? "visibility IN ('public', 'internal')" : "visibility = 'public'");
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<EvidenceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM evidence WHERE {string.Join(" AND ", where)} ORDER BY log_index LIMIT @limit",
            new { sha256, subject, limit }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<EvidenceRow?> GetAsync(long index, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<EvidenceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM evidence WHERE log_index = @index", new { index }, cancellationToken: cancellationToken));
    }
}
