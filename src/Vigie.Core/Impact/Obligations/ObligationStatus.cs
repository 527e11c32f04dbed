namespace Vigie.Core.Impact.Obligations;

/// <summary>Where an obligation stands.</summary>
public static class ObligationStatus
{
    /// <summary>Recorded as met (a ledger entry with its reference).</summary>
    public const string Met = "met";

    /// <summary>Its due date has passed and it is not recorded as met.</summary>
    public const string Overdue = "overdue";

    /// <summary>It has a due date still ahead.</summary>
    public const string Open = "open";

    /// <summary>Due before an event that has not happened yet (e.g. "before placing on the market").</summary>
    public const string BeforeEvent = "before-event";
}
