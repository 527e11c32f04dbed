using Dapper;
using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// The card_revisions table, derived from card.revised entries. It refuses a revision whose
/// number is not the next one for its version: two editors who started from the same revision
/// cannot both save, whichever request reaches the log second is refused (no lost update).
/// </summary>
public sealed class CardProjection : IProjection
{
    public IReadOnlyCollection<string> Kinds { get; } = [CardEntries.Revised];

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } = ["card_revisions"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null;
        }

        var r = BodyJson.Read<CardEntries.RevisedBody>(body);
        await tx.FlushAsync();
        var latest = await tx.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(revision) FROM card_revisions WHERE system = @System AND version = @Version",
            new { r.System, r.Version }, tx.Transaction, cancellationToken: cancellationToken)) ?? 0;
        if (r.Revision != latest + 1)
        {
            return CardConflicts.NotNext(r.System, r.Version, r.Revision - 1, latest);
        }

        await tx.InsertAsync(
            """
            INSERT INTO card_revisions (system, version, revision, material, note, card_json, card_sha256, diff_json, diff_values_omitted, source_json, visibility, log_index, revised_at, revised_by)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
            """,
            r.System,
            r.Version,
            r.Revision,
            r.Material ? 1 : 0,
            r.Note,
            Canonical(r.Card),
            r.CardSha256,
            r.Diff is { } diff ? Canonical(diff) : null,
            r.DiffValuesOmitted == true ? 1 : 0,
            r.Source is null ? null : System.Text.Json.JsonSerializer.Serialize(r.Source, BodyJson.Options),
            VisibilityNames.Of(record.Envelope.Visibility),
            record.Index,
            LedgerTime.Format(record.Envelope.Time),
            record.Envelope.Actor ?? "");
        return null;
    }

    /// <summary>
    /// Stored canonical (RFC 8785): a live append hands the body as the writer built it, a rebuild
    /// as the log holds it (canonical), and both must give the same rows.
    /// </summary>
    private static string Canonical(System.Text.Json.JsonElement value) => System.Text.Encoding.UTF8.GetString(Jcs.Canonicalize(value));
}
