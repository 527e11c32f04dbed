using System.Text.Json;
using Dapper;
using Vigie.Core.Json;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The concern tables, derived from concern.* entries. Refuses what would break the channel's
/// rules even under a race: a receipt locator or key used twice, a step on a closed concern, a
/// second acknowledgement, or the same missed clock escalated twice.
/// </summary>
public sealed class ConcernProjection : IProjection
{
    /// <summary>The conflict text of a locator clash: the client makes a new receipt and sends again.</summary>
    public const string LocatorTaken = "This receipt's locator is already in use; make a new receipt and send the concern again.";

    public IReadOnlyCollection<string> Kinds { get; } =
    [
        ConcernEntries.RecipientKey, ConcernEntries.Routing, ConcernEntries.Received, ConcernEntries.Filed,
        ConcernEntries.Acknowledged, ConcernEntries.Replied, ConcernEntries.Answered, ConcernEntries.Closed,
        ConcernEntries.Escalated, ConcernEntries.Step,
    ];

    public bool MayRefuse => true;

    public IReadOnlyList<string> Tables { get; } =
        ["concern_events", "concern_recipients", "concerns", "concern_routing", "concern_recipient_keys"];

    public async ValueTask<string?> ApplyAsync(LedgerTransaction tx, LedgerRecord record, CancellationToken cancellationToken)
    {
        if (record.Body is not { } body)
        {
            return null; // an erased body leaves nothing to project
        }

        await tx.FlushAsync();
        var kind = record.Envelope.Kind;
        return kind switch
        {
            ConcernEntries.RecipientKey => await KeyAsync(tx, record.Index, BodyJson.Read<ConcernEntries.RecipientKeyBody>(body)),
            ConcernEntries.Routing => await RoutingAsync(tx, record.Index, body),
            ConcernEntries.Received => await ReceivedAsync(tx, record.Index, BodyJson.Read<ConcernEntries.ReceivedBody>(body)),
            ConcernEntries.Step => await StepAsync(tx, record.Index, record.Envelope.Actor, BodyJson.Read<ConcernEntries.StepBody>(body)),
            _ => await FactAsync(tx, record.Index, kind, BodyJson.Read<ConcernEntries.FactBody>(body)),
        };
    }

    /// <summary>
    /// JSON as RFC 8785 text: bodies arrive serialized by the feature when appended but canonical
    /// when replayed, and a rebuild must give the same rows (and an envelope its one digest).
    /// </summary>
    private static string Canonical(JsonElement json) => System.Text.Encoding.UTF8.GetString(Jcs.Canonicalize(json));

    private static async Task<string?> KeyAsync(LedgerTransaction tx, long index, ConcernEntries.RecipientKeyBody key)
    {
        var holder = await tx.Connection.ExecuteScalarAsync<string?>(
            "SELECT user_name FROM concern_recipient_keys WHERE key_id = @keyId", new { keyId = key.KeyId }, tx.Transaction);
        if (holder is not null)
        {
            return holder == key.User
                ? $"'{key.User}' has already registered this key."
                : "This public key is already registered for another recipient: every recipient generates their own key pair.";
        }

        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO concern_recipient_keys (user_name, public_key, key_id, log_index) VALUES (@user, @publicKey, @keyId, @index)
            ON CONFLICT (user_name) DO UPDATE SET public_key = excluded.public_key, key_id = excluded.key_id, log_index = excluded.log_index
            """,
            new { user = key.User, publicKey = key.PublicKey, keyId = key.KeyId, index }, tx.Transaction);
        return null;
    }

    private static async Task<string?> RoutingAsync(LedgerTransaction tx, long index, JsonElement body)
    {
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO concern_routing (id, settings, log_index) VALUES (1, @settings, @index)
            ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, log_index = excluded.log_index
            """,
            new { settings = Canonical(body), index }, tx.Transaction);
        return null;
    }

    private static async Task<string?> ReceivedAsync(LedgerTransaction tx, long index, ConcernEntries.ReceivedBody c)
    {
        var clash = await tx.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM concerns WHERE locator = @locator OR id = @id", new { locator = c.Locator, id = c.Concern }, tx.Transaction);
        if (clash > 0)
        {
            return LocatorTaken;
        }

        var envelope = Canonical(c.Envelope);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO concerns (id, locator, receipt_hash, envelope, envelope_sha256, reporter_key_id, category, about, tiers, level, received_on, received_index)
            VALUES (@id, @locator, @hash, @envelope, @sha, @reporterKeyId, @category, @about, @tiers, @level, @date, @index)
            """,
            new
            {
                id = c.Concern, locator = c.Locator, hash = c.ReceiptHash, envelope,
                sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(envelope))),
                reporterKeyId = c.ReporterKeyId, category = c.Category, about = string.Join(',', c.About),
                tiers = string.Join(',', c.Tiers), level = c.Level, date = c.Date, index,
            },
            tx.Transaction);
        foreach (var r in c.Recipients)
        {
            await tx.Connection.ExecuteAsync(
                "INSERT INTO concern_recipients (concern_id, user_name, key_id, public_key, tier) VALUES (@id, @user, @keyId, @publicKey, @tier)",
                new { id = c.Concern, user = r.User, keyId = r.KeyId, publicKey = r.PublicKey, tier = r.Tier }, tx.Transaction);
        }

        return null;
    }

    private static async Task<string?> FactAsync(LedgerTransaction tx, long index, string kind, ConcernEntries.FactBody fact)
    {
        var c = tx.Connection;
        var state = await c.QuerySingleOrDefaultAsync<(string? Id, string? ClosedOn, string? AcknowledgedOn)>(
            "SELECT id AS Id, closed_on AS ClosedOn, acknowledged_on AS AcknowledgedOn FROM concerns WHERE id = @id", new { id = fact.Concern }, tx.Transaction);
        if (state.Id is null)
        {
            // Only when the concern's own (confidential) body was erased: its steps then have nothing
            // to attach to, and a replay must still go through. Endpoints check the concern exists.
            return null;
        }

        if (kind == ConcernEntries.Filed)
        {
            await c.ExecuteAsync("UPDATE concerns SET filed_index = @index WHERE id = @id", new { index, id = fact.Concern }, tx.Transaction);
            return await EventAsync(tx, index, fact, ConcernNames.StepFiled);
        }

        if (state.ClosedOn is not null)
        {
            return $"Concern {fact.Concern} is closed.";
        }

        var (step, update) = kind switch
        {
            ConcernEntries.Acknowledged => (ConcernNames.StepAcknowledged, "acknowledged_on = @date, last_update_on = @date"),
            ConcernEntries.Replied => (ConcernNames.StepReplied,
                fact.Feedback == true ? "last_update_on = @date, feedback_on = COALESCE(feedback_on, @date)" : "last_update_on = @date"),
            ConcernEntries.Answered => (ConcernNames.StepAnswered, ""),
            ConcernEntries.Closed => (ConcernNames.StepClosed,
                "closed_on = @date, outcome = @outcome, last_update_on = @date, feedback_on = COALESCE(feedback_on, @date)"),
            ConcernEntries.Escalated => (ConcernNames.StepEscalated, "level = CASE WHEN level < @level THEN @level ELSE level END"),
            _ => throw new InvalidOperationException($"ConcernProjection does not read {kind}."),
        };
        if (kind == ConcernEntries.Acknowledged && state.AcknowledgedOn is not null)
        {
            return $"Concern {fact.Concern} was already acknowledged on {state.AcknowledgedOn}.";
        }

        if (kind == ConcernEntries.Escalated && await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM concern_events WHERE concern_id = @id AND obligation = @obligation AND due_date = @due",
                new { id = fact.Concern, obligation = fact.Obligation, due = fact.DueDate }, tx.Transaction) > 0)
        {
            return $"The missed {fact.Obligation} clock of concern {fact.Concern} (due {fact.DueDate}) was already escalated.";
        }

        if (update.Length > 0)
        {
            await c.ExecuteAsync($"UPDATE concerns SET {update} WHERE id = @id",
                new { id = fact.Concern, date = fact.Date, outcome = fact.Outcome, level = fact.Level ?? 0 }, tx.Transaction);
        }

        return await EventAsync(tx, index, fact, step);
    }

    private static async Task<string?> EventAsync(LedgerTransaction tx, long index, ConcernEntries.FactBody fact, string step)
    {
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO concern_events (fact_index, concern_id, step, on_date, feedback, outcome, obligation, due_date, tier)
            VALUES (@index, @id, @step, @date, @feedback, @outcome, @obligation, @due, @tier)
            """,
            new
            {
                index, id = fact.Concern, step, date = fact.Date, feedback = fact.Feedback == true ? 1 : 0,
                outcome = fact.Outcome, obligation = fact.Obligation, due = fact.DueDate, tier = fact.Tier,
            },
            tx.Transaction);
        return null;
    }

    /// <summary>The companion attaches to the newest public step of its kind that has none yet (written just before it, in one group).</summary>
    private static async Task<string?> StepAsync(LedgerTransaction tx, long index, string? actor, ConcernEntries.StepBody step)
    {
        var c = tx.Connection;
        var factIndex = await c.ExecuteScalarAsync<long?>(
            "SELECT MAX(fact_index) FROM concern_events WHERE concern_id = @id AND step = @step AND detail_index IS NULL",
            new { id = step.Concern, step = step.Step }, tx.Transaction);
        if (factIndex is null)
        {
            return null; // its concern's body was erased (see FactAsync)
        }

        await c.ExecuteAsync(
            "UPDATE concern_events SET detail_index = @index, actor = @actor, message = @message WHERE fact_index = @factIndex",
            new { index, actor, message = step.Message is { } m ? Canonical(m) : null, factIndex }, tx.Transaction);
        if (step.Category is not null)
        {
            await c.ExecuteAsync("UPDATE concerns SET category = @category WHERE id = @id", new { category = step.Category, id = step.Concern }, tx.Transaction);
        }

        return null;
    }
}
