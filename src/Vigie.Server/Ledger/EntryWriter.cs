using System.Data.Common;
using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>
/// Inserts entries and sealed bodies inside one batch transaction, reusing two prepared
/// commands: the hot path of group commit.
/// </summary>
internal sealed class EntryWriter : IAsyncDisposable
{
    private readonly DbCommand _entry;
    private readonly DbCommand _sealed;
    private readonly DbParameter[] _entryParameters;
    private readonly DbParameter[] _sealedParameters;

    public EntryWriter(DbConnection connection, DbTransaction tx)
    {
        _entry = connection.CreateCommand();
        _entry.Transaction = tx;
        _entry.CommandText =
            "INSERT INTO log_entries (idx, envelope, leaf_hash, kind, visibility, time, actor) VALUES (@idx, @envelope, @leaf, @kind, @visibility, @time, @actor)";
        _entryParameters = new[] { "idx", "envelope", "leaf", "kind", "visibility", "time", "actor" }
            .Select(name => Add(_entry, name)).ToArray();

        _sealed = connection.CreateCommand();
        _sealed.Transaction = tx;
        _sealed.CommandText = "INSERT INTO log_sealed_bodies (idx, salt, body) VALUES (@idx, @salt, @body)";
        _sealedParameters = new[] { "idx", "salt", "body" }.Select(name => Add(_sealed, name)).ToArray();
    }

    public async Task WriteAsync(long index, Envelope envelope, byte[] canonical, byte[] leafHash, SealedBody? sealedBody, CancellationToken ct)
    {
        _entryParameters[0].Value = index;
        _entryParameters[1].Value = canonical;
        _entryParameters[2].Value = leafHash;
        _entryParameters[3].Value = envelope.Kind;
        _entryParameters[4].Value = VisibilityNames.Of(envelope.Visibility);
        _entryParameters[5].Value = LedgerTime.Format(envelope.Time);
        _entryParameters[6].Value = (object?)envelope.Actor ?? DBNull.Value;
        await _entry.ExecuteNonQueryAsync(ct);

        if (sealedBody is not null)
        {
            _sealedParameters[0].Value = index;
            _sealedParameters[1].Value = sealedBody.Salt;
            _sealedParameters[2].Value = sealedBody.CanonicalBody;
            await _sealed.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _entry.DisposeAsync();
        await _sealed.DisposeAsync();
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
