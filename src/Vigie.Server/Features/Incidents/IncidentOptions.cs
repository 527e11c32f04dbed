using Vigie.Core.Concerns;

namespace Vigie.Server.Features.Incidents;

/// <summary>Settings of the incident register, bound from "Vigie:Incidents" (environment Vigie__Incidents__...).</summary>
public sealed class IncidentOptions
{
    /// <summary>
    /// The IANA zone calendar-day deadlines are counted in, and a discovery date is read in
    /// (METHODS.md "Deadline clocks": UTC unless the organisation sets one).
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Years an incident's record (its facts and their changes) is kept after the incident was
    /// resolved; an open incident's record never expires. The Code of Practice asks at least 5.
    /// </summary>
    public int RecordYears { get; set; } = 5;

    /// <summary>Years a report sent to an authority (documentation) is kept after it was sent. The Code of Practice asks 10.</summary>
    public int DocumentationYears { get; set; } = 10;

    /// <summary>How often (minutes) the retention check runs; 0 turns the background check off.</summary>
    public int RetentionCheckMinutes { get; set; } = 24 * 60;

    /// <summary>The zone, read from <see cref="TimeZone"/> (checked at start-up).</summary>
    public ClockZone Zone => ClockZone.Parse(TimeZone);

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem()
    {
        if (!ClockZone.TryParse(TimeZone, out _, out var zone))
        {
            return $"Vigie:Incidents:TimeZone: {zone}";
        }

        if (RecordYears is < 1 or > 100 || DocumentationYears is < 1 or > 100)
        {
            return "Vigie:Incidents:RecordYears and DocumentationYears must be between 1 and 100.";
        }

        return RetentionCheckMinutes < 0 ? "Vigie:Incidents:RetentionCheckMinutes cannot be negative." : null;
    }
}
