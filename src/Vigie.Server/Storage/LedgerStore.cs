using System.Data.Common;
using Dapper;

namespace Vigie.Server.Storage;

/// <summary>The SQL of the ledger's own tables: entries, sealed bodies, checkpoints, metadata.</summary>
public sealed class LedgerStore(Database database)
{
    public Database Database => database;

    public sealed record StoredCheckpoint(long Size, byte[] RootHash, string Note, string SignedAt);

    public sealed record SealedRow(byte[] Salt, byte[] Body);

    public async Task<long> CountAsync(DbConnection connection, DbTransaction? tx = null) =>
        await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entries", transaction: tx);

    /// <summary>
    /// Streams entries from <paramref name="from"/> on with their leaf hashes, recomputed from the
    /// stored envelopes: indexes must be contiguous and each stored leaf hash must match its
    /// envelope, so an entry edited in the database is caught here rather than served.
    /// </summary>
    public async IAsyncEnumerable<(byte[] Envelope, byte[] LeafHash)> ReadEntriesAsync(
        DbConnection connection, DbTransaction? tx, long from, long to)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT idx, leaf_hash, envelope FROM log_entries WHERE idx >= @from AND idx < @to ORDER BY idx";
        AddParameter(command, "from", from);
        AddParameter(command, "to", to);
        await using var reader = await command.ExecuteReaderAsync();
        var expected = from;
        while (await reader.ReadAsync())
        {
            var idx = reader.GetInt64(0);
            if (idx != expected)
            {
                throw new InvalidDataException($"The log has a gap: entry {expected} is missing (found {idx}).");
            }

            expected++;
            var stored = (byte[])reader.GetValue(1);
            var envelope = (byte[])reader.GetValue(2);
            var computed = Vigie.Core.Ledger.MerkleHash.Leaf(envelope);
            if (!stored.AsSpan().SequenceEqual(computed))
            {
                throw new InvalidDataException($"Log entry {idx} was altered: its stored leaf hash does not match its envelope.");
            }

            yield return (envelope, computed);
        }

        if (expected != to)
        {
            throw new InvalidDataException($"The log has a gap: entries from {expected} to {to - 1} are missing.");
        }
    }

    public async Task<List<byte[]>> ReadEnvelopesAsync(long from, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT envelope FROM log_entries WHERE idx >= @from AND idx < @to ORDER BY idx";
        AddParameter(command, "from", from);
        AddParameter(command, "to", from + count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<byte[]>(count);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((byte[])reader.GetValue(0));
        }

        return result;
    }

    public async Task<byte[]?> ReadEnvelopeAsync(long index, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(
            new CommandDefinition("SELECT envelope FROM log_entries WHERE idx = @index", new { index }, cancellationToken: cancellationToken));
    }

    public async Task<SealedRow?> ReadSealedAsync(DbConnection connection, DbTransaction? tx, long index) =>
        await connection.QuerySingleOrDefaultAsync<SealedRow>(
            "SELECT salt AS Salt, body AS Body FROM log_sealed_bodies WHERE idx = @index", new { index }, tx);

    public async Task<StoredCheckpoint?> LatestCheckpointAsync(DbConnection connection, DbTransaction? tx = null) =>
        await connection.QuerySingleOrDefaultAsync<StoredCheckpoint>(
            "SELECT size AS Size, root_hash AS RootHash, note AS Note, signed_at AS SignedAt FROM log_checkpoints ORDER BY size DESC LIMIT 1",
            transaction: tx);

    public Task InsertCheckpointAsync(DbConnection connection, DbTransaction tx, StoredCheckpoint checkpoint) =>
        connection.ExecuteAsync(
            "INSERT INTO log_checkpoints (size, root_hash, note, signed_at) VALUES (@Size, @RootHash, @Note, @SignedAt)",
            checkpoint,
            tx);

    public async Task<string?> ReadMetaAsync(DbConnection connection, string key) =>
        await connection.ExecuteScalarAsync<string?>("SELECT value FROM log_meta WHERE key = @key", new { key });

    public Task WriteMetaAsync(DbConnection connection, string key, string value) =>
        connection.ExecuteAsync("INSERT INTO log_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING", new { key, value });

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
