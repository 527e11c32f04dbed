using System.Diagnostics.CodeAnalysis;

namespace Vigie.Core.Concerns;

/// <summary>
/// The time zone in which legal clocks count calendar days: UTC unless the organisation sets an
/// IANA zone (e.g. <c>Europe/Paris</c>). A day-precision deadline ends at the end of its due day
/// in this zone, so the zone is always shown next to the date.
/// </summary>
public sealed class ClockZone
{
    private ClockZone(string id, TimeZoneInfo info)
    {
        Id = id;
        Info = info;
    }

    /// <summary>Coordinated Universal Time, the default.</summary>
    public static ClockZone Utc { get; } = new("UTC", TimeZoneInfo.Utc);

    /// <summary>The IANA id as configured, or "UTC".</summary>
    public string Id { get; }

    internal TimeZoneInfo Info { get; }

    /// <summary>Reads an IANA zone id; "UTC" and "Etc/UTC" give <see cref="Utc"/>.</summary>
    public static bool TryParse(string? ianaId, [NotNullWhen(true)] out ClockZone? zone, [NotNullWhen(false)] out string? error)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            error = "A time zone is an IANA id such as \"Europe/Paris\" or \"UTC\".";
            return false;
        }

        if (ianaId is "UTC" or "Etc/UTC")
        {
            zone = Utc;
            error = null;
            return true;
        }

        // IANA ids contain a slash (Area/Location); this refuses Windows names and abbreviations
        // such as "CET" whose meaning depends on the machine.
        if (!ianaId.Contains('/', StringComparison.Ordinal) || !TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var info))
        {
            error = $"Unknown time zone \"{ianaId}\": give an IANA id such as \"Europe/Paris\" or \"America/Los_Angeles\", or \"UTC\".";
            return false;
        }

        zone = new ClockZone(ianaId, info);
        error = null;
        return true;
    }

    /// <summary>Reads an IANA zone id.</summary>
    /// <exception cref="FormatException">Unknown zone; the message says what to give.</exception>
    public static ClockZone Parse(string ianaId) =>
        TryParse(ianaId, out var zone, out var error) ? zone : throw new FormatException(error);

    /// <summary>The calendar date of <paramref name="instant"/> in this zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary><paramref name="instant"/> with this zone's offset at that instant.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Info);

    /// <summary>
    /// The first instant of <paramref name="date"/> in this zone. Where clocks skip midnight (a
    /// daylight-saving gap) the day starts at the first local time that exists; where midnight
    /// happens twice it starts at the first.
    /// </summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Info.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Info.IsAmbiguousTime(local) ? Info.GetAmbiguousTimeOffsets(local).Max() : Info.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public override string ToString() => Id;

    /// <summary>A zone from rules given directly (tests use made-up daylight-saving rules).</summary>
    internal static ClockZone FromTimeZone(string id, TimeZoneInfo info) => new(id, info);
}
