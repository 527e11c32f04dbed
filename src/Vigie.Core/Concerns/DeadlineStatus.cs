namespace Vigie.Core.Concerns;

/// <summary>Where a deadline stands, given when (if ever) the obligation was met and the time now.</summary>
public enum DeadlineStatus
{
    /// <summary>Not met yet, and still on time.</summary>
    Due,

    /// <summary>Met on or before the deadline.</summary>
    MetOnTime,

    /// <summary>Met after the deadline.</summary>
    MetLate,

    /// <summary>Not met, and the deadline has passed.</summary>
    Overdue,
}
