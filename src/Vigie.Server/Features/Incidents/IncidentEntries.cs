using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// The incident register's ledger entries. An incident's facts are sensitive, so every entry
/// that carries them is internal or confidential: the log holds a commitment, the body lives in
/// the sealed-body table, and retention can delete it while the log stays verifiable. Only the
/// expiry itself is public, so anyone can see that a body was erased by rule, not tampered with.
/// </summary>
public static class IncidentEntries
{
    public const string Opened = "incident.opened/v1";
    public const string Updated = "incident.updated/v1";
    public const string Resolved = "incident.resolved/v1";
    public const string Reopened = "incident.reopened/v1";
    public const string Submitted = "incident.submitted/v1";
    public const string Expired = "incident.expired/v1";

    /// <summary>The record entries (retention: incident records); submissions are documentation.</summary>
    public static readonly IReadOnlyList<string> RecordKinds = [Opened, Updated, Resolved, Reopened];

    /// <summary>A regime the system's obligations implied when the entry was written, and why.</summary>
    public sealed record ImpliedRegime(
        [property: JsonPropertyName("regime")] string Regime,
        [property: JsonPropertyName("reason")] string Reason);

    /// <param name="DiscoveredAt">The instant the clocks run from (a date is read as the start of that day in <paramref name="Zone"/>).</param>
    public sealed record OpenedBody(
        [property: JsonPropertyName("fields")] IncidentFields Fields,
        [property: JsonPropertyName("discoveredAt")] string DiscoveredAt,
        [property: JsonPropertyName("zone")] string Zone,
        [property: JsonPropertyName("implied")] IReadOnlyList<ImpliedRegime> Implied);

    /// <summary>Only the fields that changed; <paramref name="DiscoveredAt"/> and <paramref name="Implied"/> when they changed with them.</summary>
    public sealed record UpdatedBody(
        [property: JsonPropertyName("incident")] string Incident,
        [property: JsonPropertyName("changes")] IncidentFields Changes,
        [property: JsonPropertyName("note")] string? Note = null,
        [property: JsonPropertyName("discoveredAt")] string? DiscoveredAt = null,
        [property: JsonPropertyName("implied")] IReadOnlyList<ImpliedRegime>? Implied = null);

    public sealed record ResolvedBody(
        [property: JsonPropertyName("incident")] string Incident,
        [property: JsonPropertyName("resolvedAt")] string ResolvedAt,
        [property: JsonPropertyName("resolution")] string? Resolution = null,
        [property: JsonPropertyName("rootCause")] string? RootCause = null);

    public sealed record ReopenedBody(
        [property: JsonPropertyName("incident")] string Incident,
        [property: JsonPropertyName("reason")] string Reason);

    /// <param name="Report">The report draft for the regime as it stood when the submission was recorded.</param>
    /// <param name="SentText">The text actually sent, when the person recording it gave it.</param>
    /// <param name="ReportSha256">SHA-256 of <paramref name="SentText"/> if given, else of the draft's canonical JSON.</param>
    public sealed record SubmittedBody(
        [property: JsonPropertyName("incident")] string Incident,
        [property: JsonPropertyName("regime")] string Regime,
        [property: JsonPropertyName("obligation")] string Obligation,
        [property: JsonPropertyName("submittedAt")] string SubmittedAt,
        [property: JsonPropertyName("report")] JsonElement Report,
        [property: JsonPropertyName("reportSha256")] string ReportSha256,
        [property: JsonPropertyName("reference")] string? Reference = null,
        [property: JsonPropertyName("recipient")] string? Recipient = null,
        [property: JsonPropertyName("note")] string? Note = null,
        [property: JsonPropertyName("sentText")] string? SentText = null);

    /// <summary>Public: the bodies of <paramref name="Erased"/> (log indexes) were deleted under <paramref name="Rule"/>.</summary>
    /// <param name="Part">"record" (the incident's facts) or "documentation" (reports sent).</param>
    public sealed record ExpiredBody(
        [property: JsonPropertyName("incident")] string Incident,
        [property: JsonPropertyName("part")] string Part,
        [property: JsonPropertyName("erased")] IReadOnlyList<long> Erased,
        [property: JsonPropertyName("expiredOn")] string ExpiredOn,
        [property: JsonPropertyName("rule")] string Rule);
}
