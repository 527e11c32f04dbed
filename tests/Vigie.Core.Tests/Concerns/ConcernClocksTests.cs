using Vigie.Core.Concerns;
using Xunit;
using static Vigie.Core.Tests.Concerns.ClockTime;

namespace Vigie.Core.Tests.Concerns;

/// <summary>METHODS.md "Deadline clocks", Directive 2019/1937 Art. 9 and SB 53 monthly updates.</summary>
public sealed class ConcernClocksTests
{
    private static readonly ClockZone Utc = ClockZone.Utc;

    [Fact]
    public void Acknowledgement_ReceivedMarch2_IsDueMarch9()
    {
        var due = ConcernClocks.AcknowledgementDue(At("2026-03-02T14:00:00Z"), Utc);

        Assert.Equal(Day("2026-03-09"), due.DueDate);
        Assert.Equal(DeadlinePrecision.Day, due.Precision);
        Assert.Null(due.DueTime);
        Assert.Equal(At("2026-03-10T00:00:00Z"), due.Cutoff);
        Assert.Equal(ConcernClocks.AcknowledgementObligation, due.Obligation);
        Assert.Contains("Directive (EU) 2019/1937, Art. 9(1)(b)", due.LegalBasis, StringComparison.Ordinal);
        Assert.Equal("2026-03-09 (end of day, UTC)", due.DueText);
    }

    [Fact]
    public void Feedback_AcknowledgedMarch5_IsDueJune5()
    {
        var due = ConcernClocks.FeedbackDue(At("2026-03-02T14:00:00Z"), At("2026-03-05T09:00:00Z"), Utc);

        Assert.Equal(Day("2026-06-05"), due.DueDate);
        Assert.Equal(At("2026-03-05T09:00:00Z"), due.Start);
        Assert.Contains("Art. 9(1)(f)", due.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_NeverAcknowledged_RunsFromTheEndOfTheSevenDays()
    {
        var due = ConcernClocks.FeedbackDue(At("2026-03-02T14:00:00Z"), null, Utc);

        Assert.Equal(Day("2026-06-09"), due.DueDate);
    }

    [Theory]
    [InlineData("2026-03-09T18:00:00Z", "2026-06-09")]
    [InlineData("2026-03-12T09:00:00Z", "2026-06-09")]
    [InlineData("2026-04-20T09:00:00Z", "2026-06-09")]
    public void Feedback_AcknowledgedOnTheLastDayOrLate_NeverGainsTime(string acknowledged, string expected)
    {
        var due = ConcernClocks.FeedbackDue(At("2026-03-02T14:00:00Z"), At(acknowledged), Utc);

        Assert.Equal(Day(expected), due.DueDate);
    }

    [Theory]
    [InlineData("2026-11-30T10:00:00Z", "2027-02-28")] // no 30 February: the month's last day
    [InlineData("2027-11-30T10:00:00Z", "2028-02-29")] // leap year
    [InlineData("2026-11-29T10:00:00Z", "2027-02-28")]
    [InlineData("2026-11-28T10:00:00Z", "2027-02-28")]
    [InlineData("2026-08-31T10:00:00Z", "2026-11-30")]
    [InlineData("2026-10-31T10:00:00Z", "2027-01-31")]
    [InlineData("2026-12-31T10:00:00Z", "2027-03-31")]
    public void Feedback_ThreeMonthsAtMonthEnd_EndsOnTheSameDateOrTheMonthsLastDay(string acknowledged, string expected)
    {
        var ack = At(acknowledged);

        var due = ConcernClocks.FeedbackDue(ack.AddDays(-1), ack, Utc);

        Assert.Equal(Day(expected), due.DueDate);
    }

    [Fact]
    public void Clocks_CountDaysInTheOrganisationsZone()
    {
        // 23:30 UTC on 2 March is already 3 March in Paris.
        var received = At("2026-03-02T23:30:00Z");
        var paris = ClockZone.Parse("Europe/Paris");

        var due = ConcernClocks.AcknowledgementDue(received, paris);

        Assert.Equal(Day("2026-03-10"), due.DueDate);
        Assert.Equal(At("2026-03-11T00:00:00+01:00"), due.Cutoff);
        Assert.Equal("2026-03-10 (end of day, Europe/Paris)", due.DueText);
        Assert.Equal(Day("2026-03-09"), ConcernClocks.AcknowledgementDue(received, Utc).DueDate);
        Assert.Equal(Day("2026-03-09"), ConcernClocks.AcknowledgementDue(received, ClockZone.Parse("America/Los_Angeles")).DueDate);
    }

    [Theory]
    [InlineData(null, "2026-03-09T12:00:00Z", DeadlineStatus.Due)]
    [InlineData(null, "2026-03-10T00:00:00Z", DeadlineStatus.Overdue)]
    [InlineData("2026-03-09T23:59:59Z", "2026-04-01T00:00:00Z", DeadlineStatus.MetOnTime)]
    [InlineData("2026-03-10T00:00:00Z", "2026-03-10T00:00:00Z", DeadlineStatus.MetLate)]
    [InlineData("2026-03-03T08:00:00Z", "2026-03-04T00:00:00Z", DeadlineStatus.MetOnTime)]
    public void StatusAt_JudgesTheSubmissionOrNow(string? met, string now, DeadlineStatus expected)
    {
        var due = ConcernClocks.AcknowledgementDue(At("2026-03-02T14:00:00Z"), Utc);

        Assert.Equal(expected, due.StatusAt(met is null ? null : At(met), At(now)));
    }

    [Theory]
    [InlineData(null, "2026-04-02")]
    [InlineData("2026-03-20T10:00:00Z", "2026-04-20")]
    [InlineData("2026-05-31T10:00:00Z", "2026-06-30")]
    [InlineData("2026-01-31T10:00:00Z", "2026-04-02")] // an "update" before receipt cannot count
    public void NextStatusUpdate_IsOneMonthAfterTheLastUpdateOrReceipt(string? lastUpdate, string expected)
    {
        var due = ConcernClocks.NextStatusUpdateDue(At("2026-03-02T14:00:00Z"), lastUpdate is null ? null : At(lastUpdate), Utc);

        Assert.Equal(Day(expected), due.DueDate);
        Assert.Equal(ConcernClocks.StatusUpdateObligation, due.Obligation);
        Assert.Contains("Labor Code §1107.1", due.LegalBasis, StringComparison.Ordinal);
    }
}
