namespace Vigie.Core.Concerns;

/// <summary>
/// What the incident clocks need to know about an incident.
/// </summary>
/// <param name="DiscoveredAt">
/// When the organisation discovered or became aware of it — the instant every initial-report
/// period runs from. When only a date is known, pass <see cref="ClockZone.StartOfDay"/> of it:
/// the earliest reading, so an hour-precision deadline is never shown later than it may be.
/// </param>
/// <param name="Category">The most severe category that fits.</param>
/// <param name="ImminentDanger">An imminent risk of death or serious physical injury (SB 53, RAISE: 24 hours).</param>
/// <param name="ResolvedAt">When it was resolved, if it was (starts the Code of Practice final report).</param>
public sealed record IncidentFacts(
    DateTimeOffset DiscoveredAt,
    IncidentCategory Category,
    bool ImminentDanger = false,
    DateTimeOffset? ResolvedAt = null);
