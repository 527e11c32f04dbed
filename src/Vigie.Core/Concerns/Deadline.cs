using System.Globalization;

namespace Vigie.Core.Concerns;

/// <summary>
/// One legal due date with what it is for and the rule it comes from. Made by
/// <see cref="ConcernClocks"/> and <see cref="IncidentClocks"/>; pure data plus the status rule.
/// </summary>
public sealed record Deadline
{
    internal Deadline(string obligation, string description, string legalBasis, DateTimeOffset start,
        DeadlinePrecision precision, ClockZone zone, DateOnly dueDate, DateTimeOffset? dueTime)
    {
        Obligation = obligation;
        Description = description;
        LegalBasis = legalBasis;
        Start = start;
        Precision = precision;
        Zone = zone;
        DueDate = dueDate;
        DueTime = dueTime;
        Cutoff = dueTime is { } exact ? exact.AddTicks(1) : zone.StartOfDay(dueDate.AddDays(1));
    }

    /// <summary>
    /// A stable code for what must be done, e.g. <c>eu-ai-act-art73/report</c>: record
    /// submissions under it. The part before the slash is the regime.
    /// </summary>
    public string Obligation { get; }

    /// <summary>What must be done, for people: "Report the serious incident to the market surveillance authority".</summary>
    public string Description { get; }

    /// <summary>The rule, cited: "Regulation (EU) 2024/1689 (AI Act), Art. 73(2): …".</summary>
    public string LegalBasis { get; }

    /// <summary>The instant the period runs from (receipt, awareness, resolution, last report).</summary>
    public DateTimeOffset Start { get; }

    public DeadlinePrecision Precision { get; }

    /// <summary>The zone that day-precision dates are counted in.</summary>
    public ClockZone Zone { get; }

    /// <summary>The due date in <see cref="Zone"/>; for hour precision, the date of <see cref="DueTime"/> there.</summary>
    public DateOnly DueDate { get; }

    /// <summary>The exact due instant for hour precision (in <see cref="Zone"/>'s offset); null for day precision.</summary>
    public DateTimeOffset? DueTime { get; }

    /// <summary>
    /// The first instant that counts as late: midnight after <see cref="DueDate"/> in
    /// <see cref="Zone"/> for day precision, one tick after <see cref="DueTime"/> for hour
    /// precision. Sort by it to see what is due next.
    /// </summary>
    public DateTimeOffset Cutoff { get; }

    /// <summary>"2026-03-09 (end of day, UTC)" or "2026-04-02 09:30 Europe/Paris (+02:00)".</summary>
    public string DueText => DueTime is { } exact
        ? string.Create(CultureInfo.InvariantCulture, $"{exact:yyyy-MM-dd HH:mm} {Zone.Id}{OffsetText(exact)}")
        : string.Create(CultureInfo.InvariantCulture, $"{DueDate:yyyy-MM-dd} (end of day, {Zone.Id})");

    /// <summary>True when meeting the obligation at <paramref name="at"/> is on time.</summary>
    public bool IsOnTime(DateTimeOffset at) => at < Cutoff;

    /// <summary>
    /// The status given when the obligation was met (null: not yet) and the time now. A
    /// submission is judged by its own time, whatever "now" is.
    /// </summary>
    public DeadlineStatus StatusAt(DateTimeOffset? metAt, DateTimeOffset now) => metAt switch
    {
        { } met => IsOnTime(met) ? DeadlineStatus.MetOnTime : DeadlineStatus.MetLate,
        null => IsOnTime(now) ? DeadlineStatus.Due : DeadlineStatus.Overdue,
    };

    public override string ToString() => $"{DueText}: {Description} — {LegalBasis}";

    private string OffsetText(DateTimeOffset exact) =>
        Zone == ClockZone.Utc ? "" : string.Create(CultureInfo.InvariantCulture, $" ({(exact.Offset < TimeSpan.Zero ? "-" : "+")}{exact.Offset:hh\\:mm})");
}
