namespace Vigie.Core.Concerns;

/// <summary>
/// The clocks that run on a concern (whistleblower report): acknowledgement and feedback under
/// Directive (EU) 2019/1937 Art. 9, and monthly status updates to the discloser under
/// California Labor Code §1107.1 (SB 53). Pure functions: the caller passes the instants and
/// the organisation's zone, and judges status with <see cref="Deadline.StatusAt"/>.
/// </summary>
public static class ConcernClocks
{
    public const string AcknowledgementObligation = "eu-directive-2019-1937/acknowledgement";
    public const string FeedbackObligation = "eu-directive-2019-1937/feedback";
    public const string StatusUpdateObligation = "sb53/discloser-status-update";

    private static readonly DeadlineRule Acknowledgement = new(
        AcknowledgementObligation,
        "Acknowledge receipt of the report to the reporting person",
        "Directive (EU) 2019/1937, Art. 9(1)(b): acknowledgment of receipt of the report to the reporting person within seven days of that receipt",
        7, PeriodUnit.Days);

    private static readonly DeadlineRule Feedback = new(
        FeedbackObligation,
        "Give the reporting person feedback on the follow-up",
        "Directive (EU) 2019/1937, Art. 9(1)(f): feedback within a reasonable timeframe not exceeding three months from the acknowledgment of receipt "
        + "or, if no acknowledgment was sent, three months from the expiry of the seven-day period after the report was made",
        3, PeriodUnit.Months);

    private static readonly DeadlineRule StatusUpdate = new(
        StatusUpdateObligation,
        "Send the discloser a status update on the investigation and the actions taken",
        "California Labor Code §1107.1 (SB 53, 2025): the internal anonymous disclosure process includes a monthly update to the discloser "
        + "on the status of the investigation and the actions taken in response",
        1, PeriodUnit.Months);

    /// <summary>Acknowledgement due: 7 days after the day the report was received (received 2026-03-02 → due 2026-03-09).</summary>
    public static Deadline AcknowledgementDue(DateTimeOffset receivedAt, ClockZone zone) => Acknowledgement.From(receivedAt, zone);

    /// <summary>
    /// Feedback due: 3 months from the acknowledgement (acknowledged 2026-03-05 → due 2026-06-05),
    /// or from the end of the 7-day period when none was sent (received 2026-03-02 → 2026-06-09).
    /// An acknowledgement sent after the 7-day period does not push the date back: the
    /// period then still runs from the end of the 7 days, so a late step never buys time.
    /// </summary>
    public static Deadline FeedbackDue(DateTimeOffset receivedAt, DateTimeOffset? acknowledgedAt, ClockZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var ackPeriodEnd = AcknowledgementDue(receivedAt, zone);
        if (acknowledgedAt is { } ack && zone.DateOf(ack) < ackPeriodEnd.DueDate)
        {
            return Feedback.From(ack, zone);
        }

        return Feedback.FromDate(acknowledgedAt ?? ackPeriodEnd.Cutoff, ackPeriodEnd.DueDate, zone);
    }

    /// <summary>
    /// The next monthly status update: one calendar month after the last update sent, or after
    /// receipt when none was sent yet. Ask again after each update, while the concern is open.
    /// </summary>
    public static Deadline NextStatusUpdateDue(DateTimeOffset receivedAt, DateTimeOffset? lastUpdateAt, ClockZone zone) =>
        StatusUpdate.From(lastUpdateAt is { } last && last > receivedAt ? last : receivedAt, zone);
}
