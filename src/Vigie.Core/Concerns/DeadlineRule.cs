namespace Vigie.Core.Concerns;

/// <summary>
/// One obligation's rule: its code, description, citation and period. <see cref="From"/> turns
/// it into a <see cref="Deadline"/> for a starting instant.
/// </summary>
/// <param name="Amount">How many <paramref name="Unit"/>s the period lasts.</param>
internal sealed record DeadlineRule(string Obligation, string Description, string LegalBasis, int Amount, PeriodUnit Unit)
{
    /// <summary>
    /// The deadline of this rule for a period that starts at <paramref name="start"/>. Periods
    /// follow Regulation (EEC, Euratom) No 1182/71 Art. 3: a period in days or months starts
    /// the day after the event (so "7 days" from 2 March ends at the end of 9 March); a period
    /// in months ends on the same date of the last month, or on that month's last day when the
    /// date does not exist (30 November + 3 months = 28 February). Weekends and holidays never
    /// extend a period here: an earlier date is the safe side. Hours are elapsed hours.
    /// </summary>
    public Deadline From(DateTimeOffset start, ClockZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Unit == PeriodUnit.Hours)
        {
            var due = zone.ToLocal(start.AddHours(Amount));
            return new Deadline(Obligation, Description, LegalBasis, start, DeadlinePrecision.Hour, zone, DateOnly.FromDateTime(due.DateTime), due);
        }

        return FromDate(start, zone.DateOf(start), zone);
    }

    /// <summary>
    /// The deadline of a day or month period counted from the calendar date <paramref name="startDate"/>
    /// (when the law starts the period at the end of another period rather than at an event).
    /// </summary>
    public Deadline FromDate(DateTimeOffset start, DateOnly startDate, ClockZone zone)
    {
        var dueDate = Unit switch
        {
            PeriodUnit.Days => startDate.AddDays(Amount),
            PeriodUnit.Months => startDate.AddMonths(Amount),
            _ => throw new InvalidOperationException($"{Obligation} counts hours, which have no calendar start date."),
        };
        return new Deadline(Obligation, Description, LegalBasis, start, DeadlinePrecision.Day, zone, dueDate, null);
    }
}
