using System.Text.Json;
using Dapper;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Concerns;

/// <summary>How the concern tables are read (by this feature and anyone else).</summary>
public sealed class ConcernQueries(Database database, Decisions.DecisionQueries decisions)
{
    public sealed record RecipientKeyRow(string UserName, string PublicKey, string KeyId, long LogIndex);

    public sealed class ConcernRow
    {
        public string Id { get; set; } = "";
        public string Locator { get; set; } = "";
        public string ReceiptHash { get; set; } = "";
        public string Envelope { get; set; } = "";
        public string EnvelopeSha256 { get; set; } = "";
        public string ReporterKeyId { get; set; } = "";
        public string Category { get; set; } = "";
        public string About { get; set; } = "";
        public string Tiers { get; set; } = "";
        public long Level { get; set; }
        public string ReceivedOn { get; set; } = "";
        public string? AcknowledgedOn { get; set; }
        public string? FeedbackOn { get; set; }
        public string? LastUpdateOn { get; set; }
        public string? ClosedOn { get; set; }
        public string? Outcome { get; set; }
        public long ReceivedIndex { get; set; }
        public long? FiledIndex { get; set; }

        public IReadOnlyList<string> AboutList => About.Split(',', StringSplitOptions.RemoveEmptyEntries);

        public IReadOnlyList<string> TierList => Tiers.Split(',', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Set for a concern still held for its batch (<see cref="ConcernPending"/>): the day it enters the log.</summary>
        public string? EntersLogOn { get; set; }

        public string Status => EntersLogOn is not null ? "pending" : ClosedOn is not null ? "closed" : AcknowledgedOn is not null ? "acknowledged" : "received";
    }

    public sealed class RecipientRow
    {
        public string UserName { get; set; } = "";
        public string KeyId { get; set; } = "";
        public string PublicKey { get; set; } = "";
        public long Tier { get; set; }
    }

    public sealed class EventRow
    {
        public long FactIndex { get; set; }
        public string Step { get; set; } = "";
        public string OnDate { get; set; } = "";
        public long? DetailIndex { get; set; }
        public string? Actor { get; set; }
        public string? Message { get; set; }
        public long Feedback { get; set; }
        public string? Outcome { get; set; }
        public string? Obligation { get; set; }
        public string? DueDate { get; set; }
        public string? Tier { get; set; }
    }

    private const string ConcernColumns =
        "id AS Id, locator AS Locator, receipt_hash AS ReceiptHash, envelope AS Envelope, envelope_sha256 AS EnvelopeSha256, " +
        "reporter_key_id AS ReporterKeyId, category AS Category, about AS About, tiers AS Tiers, level AS Level, received_on AS ReceivedOn, " +
        "acknowledged_on AS AcknowledgedOn, feedback_on AS FeedbackOn, last_update_on AS LastUpdateOn, closed_on AS ClosedOn, " +
        "outcome AS Outcome, received_index AS ReceivedIndex, filed_index AS FiledIndex";

    public async Task<IReadOnlyList<RecipientKeyRow>> KeysAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<RecipientKeyRow>(new CommandDefinition(
            "SELECT user_name AS UserName, public_key AS PublicKey, key_id AS KeyId, log_index AS LogIndex FROM concern_recipient_keys ORDER BY user_name",
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The routing settings in force, or null before any were set.</summary>
    public async Task<ConcernRouting?> RoutingAsync(CancellationToken cancellationToken) =>
        (await RoutingSourceAsync(cancellationToken)).Routing;

    /// <summary>
    /// The routing in force and where it comes from: the <c>concerns</c> section of the charter in
    /// force when it has one (then only a charter change changes it), else the server setting
    /// (<c>concern.routing/v1</c>), else none.
    /// </summary>
    public async Task<(ConcernRouting? Routing, string? Source, bool FromCharter)> RoutingSourceAsync(CancellationToken cancellationToken)
    {
        if (await decisions.CurrentCharterAsync(cancellationToken) is { } charter && charter.Charter.Concerns is { } fromCharter)
        {
            return (ConcernRouting.From(fromCharter), $"the 'concerns' section of charter {charter.Name} v{charter.Version} (log entry {charter.LogIndex})", true);
        }

        await using var c = await database.OpenAsync(cancellationToken);
        var row = await c.QuerySingleOrDefaultAsync<(string Settings, long LogIndex)?>(new CommandDefinition(
            "SELECT settings, log_index FROM concern_routing WHERE id = 1", cancellationToken: cancellationToken));
        return row is { } r
            ? (JsonSerializer.Deserialize<ConcernRouting>(r.Settings, BodyJson.Options), $"the server setting (log entry {r.LogIndex})", false)
            : (null, null, false);
    }

    public Task<ConcernRow?> FindAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ConcernColumns} FROM concerns WHERE id = @id", new { id }, cancellationToken);

    public Task<ConcernRow?> FindByLocatorAsync(string locator, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ConcernColumns} FROM concerns WHERE locator = @locator", new { locator }, cancellationToken);

    /// <summary>Every concern (for clocks and statistics), oldest first.</summary>
    public Task<IReadOnlyList<ConcernRow>> AllAsync(bool openOnly, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {ConcernColumns} FROM concerns {(openOnly ? "WHERE closed_on IS NULL" : "")} ORDER BY received_index", null, cancellationToken);

    /// <summary>The concerns <paramref name="user"/> may read now: sealed to them, at a tier the concern has reached.</summary>
    public Task<IReadOnlyList<ConcernRow>> VisibleToAsync(string user, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {ConcernColumns} FROM concerns WHERE id IN (SELECT r.concern_id FROM concern_recipients r JOIN concerns k ON k.id = r.concern_id " +
            "WHERE r.user_name = @user AND r.tier <= k.level) ORDER BY received_index",
            new { user }, cancellationToken);

    public async Task<IReadOnlyList<RecipientRow>> RecipientsAsync(string concernId, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<RecipientRow>(new CommandDefinition(
            "SELECT user_name AS UserName, key_id AS KeyId, public_key AS PublicKey, tier AS Tier FROM concern_recipients WHERE concern_id = @concernId ORDER BY tier, user_name",
            new { concernId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<EventRow>> EventsAsync(string concernId, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT fact_index AS FactIndex, step AS Step, on_date AS OnDate, detail_index AS DetailIndex, actor AS Actor, message AS Message, " +
            "feedback AS Feedback, outcome AS Outcome, obligation AS Obligation, due_date AS DueDate, tier AS Tier " +
            "FROM concern_events WHERE concern_id = @concernId ORDER BY fact_index",
            new { concernId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>How many escalations each concern had, by concern id.</summary>
    public async Task<IReadOnlyDictionary<string, long>> EscalationCountsAsync(CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = await c.QueryAsync<(string Id, long Count)>(new CommandDefinition(
            "SELECT concern_id AS Id, COUNT(*) AS Count FROM concern_events WHERE step = @step GROUP BY concern_id",
            new { step = ConcernNames.StepEscalated }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Count, StringComparer.Ordinal);
    }

    private async Task<ConcernRow?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<ConcernRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<ConcernRow>> ListAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<ConcernRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }
}
