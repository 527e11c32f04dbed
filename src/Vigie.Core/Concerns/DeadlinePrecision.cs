namespace Vigie.Core.Concerns;

/// <summary>How a legal period is counted.</summary>
public enum DeadlinePrecision
{
    /// <summary>
    /// Calendar days or months: the period ends at the end of the due day in the organisation's
    /// zone (e.g. "within 15 days").
    /// </summary>
    Day,

    /// <summary>Elapsed hours from the triggering instant (e.g. "within 24 hours"), whatever the zone.</summary>
    Hour,
}
