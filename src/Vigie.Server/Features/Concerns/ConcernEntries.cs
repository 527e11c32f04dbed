using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Concerns;

/// <summary>
/// The concern channel's ledger entries. Everything about a concern is recorded with
/// day-precision times and, for the reporter's side, no actor: a public fact per step
/// (<c>concern.filed</c>, <c>.acknowledged</c>, <c>.replied</c>, <c>.answered</c>, <c>.closed</c>,
/// <c>.escalated</c>) that anyone can count and verify, and a non-public companion holding the
/// sealed content and, for recipients, who acted.
/// </summary>
public static class ConcernEntries
{
    public const string RecipientKey = "concern.recipient-key/v1";
    public const string Routing = "concern.routing/v1";
    public const string Received = "concern.received/v1";
    public const string Filed = "concern.filed/v1";
    public const string Acknowledged = "concern.acknowledged/v1";
    public const string Replied = "concern.replied/v1";
    public const string Answered = "concern.answered/v1";
    public const string Closed = "concern.closed/v1";
    public const string Escalated = "concern.escalated/v1";
    public const string Step = "concern.step/v1";

    /// <summary>A concern recipient's public key (public: reporters can check what they seal to).</summary>
    public sealed record RecipientKeyBody(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("publicKey")] string PublicKey,
        [property: JsonPropertyName("keyId")] string KeyId);

    /// <summary>Confidential: everything the server keeps about a new concern, the sealed envelope included.</summary>
    public sealed record ReceivedBody(
        [property: JsonPropertyName("concern")] string Concern,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("locator")] string Locator,
        [property: JsonPropertyName("receiptHash")] string ReceiptHash,
        [property: JsonPropertyName("envelope")] JsonElement Envelope,
        [property: JsonPropertyName("reporterKeyId")] string ReporterKeyId,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("about")] IReadOnlyList<string> About,
        [property: JsonPropertyName("tiers")] IReadOnlyList<string> Tiers,
        [property: JsonPropertyName("recipients")] IReadOnlyList<RoutedRecipient> Recipients,
        [property: JsonPropertyName("level")] int Level);

    /// <summary>Who a concern was sealed to: tier 0 reads it at once, tier n once escalated to level n.</summary>
    public sealed record RoutedRecipient(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("keyId")] string KeyId,
        [property: JsonPropertyName("publicKey")] string PublicKey,
        [property: JsonPropertyName("tier")] int Tier);

    /// <summary>The public fact of a step: concern id and day, never who or when exactly.</summary>
    public sealed record FactBody(
        [property: JsonPropertyName("concern")] string Concern,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("envelopeSha256")] string? EnvelopeSha256 = null,
        [property: JsonPropertyName("feedback")] bool? Feedback = null,
        [property: JsonPropertyName("outcome")] string? Outcome = null,
        [property: JsonPropertyName("obligation")] string? Obligation = null,
        [property: JsonPropertyName("dueDate")] string? DueDate = null,
        [property: JsonPropertyName("tier")] string? Tier = null,
        [property: JsonPropertyName("level")] int? Level = null);

    /// <summary>Internal companion of a step: the sealed message (if any) and a new category (if any); its actor is the recipient.</summary>
    public sealed record StepBody(
        [property: JsonPropertyName("concern")] string Concern,
        [property: JsonPropertyName("step")] string Step,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("message")] JsonElement? Message = null,
        [property: JsonPropertyName("category")] string? Category = null);
}
