using Dapper;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Witnesses;

/// <summary>The cosignatures witnesses returned, by witness and checkpoint size (table witness_cosignatures).</summary>
public sealed class WitnessStore(Database database)
{
    public async Task SaveAsync(long size, Cosignature cosignature, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO witness_cosignatures (witness, size, line, cosigned_at) VALUES (@witness, @size, @line, @at) ON CONFLICT DO NOTHING",
            new { witness = cosignature.Name, size, line = cosignature.ToLine(), at = LedgerTime.Format(cosignature.Time) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The stored cosignatures of one checkpoint size, as note signature lines.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(long size, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<string>(new CommandDefinition(
            "SELECT line FROM witness_cosignatures WHERE size = @size ORDER BY witness", new { size }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The largest size a witness cosigned for this log, or 0: where the next add-checkpoint starts from.</summary>
    public async Task<long> LastSizeAsync(string witness, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(size) FROM witness_cosignatures WHERE witness = @witness", new { witness }, cancellationToken: cancellationToken)) ?? 0;
    }
}
