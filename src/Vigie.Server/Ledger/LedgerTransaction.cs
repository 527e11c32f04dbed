using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Vigie.Server.Storage;

namespace Vigie.Server.Ledger;

/// <summary>
/// The database transaction a batch of appends (or a rebuild) runs in; projections write through
/// it. Rows that need no answer go through <see cref="InsertAsync"/>: they are queued and sent
/// as multi-row INSERTs (one statement per table and up to <see cref="RowsPerStatement"/> rows;
/// on PostgreSQL all in one round trip) when <see cref="FlushAsync"/> runs — before anything reads
/// the database and before commit. Per-statement overhead, not the rows, is what limits a
/// single writer, so this is what lets group commit pay off.
/// </summary>
/// <remarks>
/// Queued rows are grouped by statement, in the order each statement was first queued, so a
/// table whose rows refer to another's must be queued after it (or written directly after a
/// flush). Statements use positional parameters <c>@p0</c>, <c>@p1</c>, ... in column order.
/// </remarks>
public sealed partial class LedgerTransaction(DbConnection connection, DbTransaction transaction, DbProvider provider)
    : IAsyncDisposable
{
    // Microsoft.Data.Sqlite binds every parameter by name (sqlite3_bind_parameter_index scans the
    // statement's names), so a statement's binding cost grows with the square of its parameters:
    // SQLite gets short multi-row statements, PostgreSQL (positional parameters) long ones.
    private const int RowsPerStatement = 64;
    private const int SqliteRowsPerStatement = 8;
    private static readonly ConcurrentDictionary<string, InsertShape> Shapes = new(StringComparer.Ordinal);
    private readonly List<(InsertShape Shape, object?[] Values)> _queue = [];
    private readonly Dictionary<(string, int), DbCommand> _prepared = [];

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public DbProvider Provider { get; } = provider;

    /// <summary>Queues one row for a statement <c>INSERT INTO t (a, b) VALUES (@p0, @p1)</c>.</summary>
    public ValueTask InsertAsync(string sql, params object?[] values)
    {
        var shape = Shapes.GetOrAdd(sql, InsertShape.Parse);
        if (values.Length != shape.Parameters)
        {
            throw new ArgumentException($"The statement takes {shape.Parameters} values, not {values.Length}: {sql}", nameof(values));
        }

        _queue.Add((shape, values));
        return _queue.Count >= 16 * RowsPerStatement ? FlushAsync() : ValueTask.CompletedTask;
    }

    /// <summary>How many rows are queued; with <see cref="DiscardAfter"/>, undoes a refused group's queued rows.</summary>
    internal int QueuedCount => _queue.Count;

    internal void DiscardAfter(int count)
    {
        if (count < _queue.Count)
        {
            _queue.RemoveRange(count, _queue.Count - count);
        }
    }

    /// <summary>Sends the queued rows.</summary>
    public async ValueTask FlushAsync()
    {
        if (_queue.Count == 0)
        {
            return;
        }

        var groups = new List<(InsertShape Shape, List<object?[]> Rows)>();
        foreach (var (shape, values) in _queue)
        {
            var group = groups.FindIndex(g => ReferenceEquals(g.Shape, shape));
            if (group < 0)
            {
                groups.Add((shape, [values]));
            }
            else
            {
                groups[group].Rows.Add(values);
            }
        }

        _queue.Clear();
        if (Provider == DbProvider.Postgres)
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)Connection, (NpgsqlTransaction)Transaction);
            foreach (var (shape, rows) in groups)
            {
                foreach (var chunk in rows.Chunk(RowsPerStatement))
                {
                    var command = new NpgsqlBatchCommand(shape.Sql(chunk.Length, postgres: true));
                    foreach (var value in chunk.SelectMany(v => v))
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                    }

                    batch.BatchCommands.Add(command);
                }
            }

            await batch.ExecuteNonQueryAsync();
            return;
        }

        foreach (var (shape, rows) in groups)
        {
            foreach (var chunk in rows.Chunk(SqliteRowsPerStatement))
            {
                var command = Prepared(shape, chunk.Length);
                var p = 0;
                foreach (var row in chunk)
                {
                    foreach (var value in row)
                    {
                        command.Parameters[p++].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private DbCommand Prepared(InsertShape shape, int rows)
    {
        if (_prepared.TryGetValue((shape.Text, rows), out var command))
        {
            return command;
        }

        command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = shape.Sql(rows, postgres: false);
        for (var i = 0; i < rows * shape.Parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        _prepared[(shape.Text, rows)] = command;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }
    }

    /// <summary>An INSERT ... VALUES (@p0, ...) statement, and its multi-row forms.</summary>
    private sealed partial class InsertShape
    {
        private readonly string _head;
        private readonly ConcurrentDictionary<(int, bool), string> _texts = new();

        private InsertShape(string text, string head, int parameters)
        {
            Text = text;
            _head = head;
            Parameters = parameters;
        }

        public string Text { get; }

        public int Parameters { get; }

        public static InsertShape Parse(string sql)
        {
            var match = Pattern().Match(sql);
            if (!match.Success)
            {
                throw new ArgumentException($"Only 'INSERT INTO t (columns) VALUES (@p0, ...)' can be queued: {sql}", nameof(sql));
            }

            var names = match.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] != "@p" + i.ToString(CultureInfo.InvariantCulture))
                {
                    throw new ArgumentException($"Values must be @p0, @p1, ... in order: {sql}", nameof(sql));
                }
            }

            return new InsertShape(sql, match.Groups["head"].Value.Trim(), names.Length);
        }

        public string Sql(int rows, bool postgres) => _texts.GetOrAdd((rows, postgres), key =>
        {
            var text = new StringBuilder(_head).Append(" VALUES ");
            var n = 0;
            for (var r = 0; r < key.Item1; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Parameters; c++, n++)
                {
                    text.Append(c == 0 ? "" : ", ").Append(key.Item2 ? "$" + (n + 1).ToString(CultureInfo.InvariantCulture) : "@p" + n.ToString(CultureInfo.InvariantCulture));
                }

                text.Append(')');
            }

            return text.ToString();
        });

        [GeneratedRegex(@"^\s*(?<head>INSERT\s+INTO\s+\w+\s*\([^)]*\))\s*VALUES\s*\((?<values>[^)]*)\)\s*$", RegexOptions.Singleline)]
        private static partial Regex Pattern();
    }
}
