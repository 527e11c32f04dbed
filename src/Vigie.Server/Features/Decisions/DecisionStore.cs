using System.Text.Json;
using Dapper;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>The projection's reads and writes, inside the append (or rebuild) transaction.</summary>
internal sealed class DecisionStore(LedgerTransaction tx)
{
    public sealed record CharterRow(long LogIndex, string Name, long Version, string Digest, string Yaml)
    {
        public Charter Charter => CharterCache.Get(Digest, Yaml);
    }

    public sealed record DecisionRow(long LogIndex, DecisionState State);

    public async Task<CharterRow?> CurrentCharterAsync() =>
        await tx.Connection.QuerySingleOrDefaultAsync<CharterRow>(
            "SELECT log_index AS LogIndex, name AS Name, version AS Version, digest AS Digest, yaml AS Yaml FROM charters ORDER BY log_index DESC LIMIT 1",
            transaction: tx.Transaction);

    public async Task<Charter> CharterAsync(string digest)
    {
        var yaml = await tx.Connection.QueryFirstOrDefaultAsync<string>(
            "SELECT yaml FROM charters WHERE digest = @digest", new { digest }, tx.Transaction);
        return CharterCache.Get(digest, yaml ?? throw new InvalidDataException($"No adopted charter has digest {digest}."));
    }

    public async Task<DecisionRow?> DecisionAsync(long index)
    {
        var state = await tx.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT state FROM decisions WHERE log_index = @index", new { index }, tx.Transaction);
        return state is null ? null : new DecisionRow(index, DecisionStateJson.Read(state));
    }

    public Task InsertCharterAsync(LedgerRecord record, DecisionEntries.CharterAdoptedBody body) =>
        tx.Connection.ExecuteAsync(
            """
            INSERT INTO charters (log_index, name, version, digest, yaml, decision, adopted_at, adopted_by)
            VALUES (@Index, @Name, @Version, @Digest, @Yaml, @Decision, @At, @By)
            """,
            new
            {
                record.Index, body.Name, body.Version, body.Digest, body.Yaml, body.Decision,
                At = LedgerTime.Format(record.Envelope.Time), By = record.Envelope.Actor ?? "",
            },
            tx.Transaction);

    public Task InsertDecisionAsync(LedgerRecord record, DecisionEntries.OpenedBody body, DecisionState state) =>
        tx.Connection.ExecuteAsync(
            """
            INSERT INTO decisions (log_index, type, system, version, title, description, status, visibility, opened_at, opened_by,
                                   closed_at, charter_digest, proposed_yaml, state, updated_index)
            VALUES (@Index, @Type, @System, @Version, @Title, @Description, @Status, @Visibility, @At, @By,
                    NULL, @Charter, @Proposed, @State, @Index)
            """,
            new
            {
                record.Index, body.Type, body.System, body.Version, body.Title, body.Description,
                Status = DecisionStateJson.Name(state.Status), Visibility = VisibilityNames.Of(record.Envelope.Visibility),
                At = LedgerTime.Format(record.Envelope.Time), By = record.Envelope.Actor ?? "", body.Charter,
                Proposed = body.ProposedCharter?.Yaml, State = DecisionStateJson.Write(state),
            },
            tx.Transaction);

    public Task UpdateDecisionAsync(long index, long entry, DecisionState state) =>
        tx.Connection.ExecuteAsync(
            "UPDATE decisions SET status = @Status, closed_at = @ClosedAt, state = @State, updated_index = @entry WHERE log_index = @index",
            new
            {
                index, entry, Status = DecisionStateJson.Name(state.Status),
                ClosedAt = state.ClosedAt is { } closed ? LedgerTime.Format(closed) : null, State = DecisionStateJson.Write(state),
            },
            tx.Transaction);

    /// <summary>A snapshot keeps its entry's visibility: an evidence change may be internal within a public decision.</summary>
    public Task InsertSnapshotAsync(LedgerRecord record, long decision, DecisionEntries.SnapshotBody snapshot) =>
        tx.Connection.ExecuteAsync(
            "INSERT INTO decision_snapshots (log_index, decision, digest, items, visibility) VALUES (@Index, @decision, @Digest, @Items, @Visibility)",
            new
            {
                record.Index, decision, snapshot.Digest, Items = JsonSerializer.Serialize(snapshot.Items, BodyJson.Options),
                Visibility = VisibilityNames.Of(record.Envelope.Visibility),
            },
            tx.Transaction);
}
