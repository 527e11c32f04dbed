using Vigie.Core.Concerns;
using Xunit;
using static Vigie.Core.Tests.Concerns.ClockTime;

namespace Vigie.Core.Tests.Concerns;

/// <summary>METHODS.md "Deadline clocks" and REGULATIONS.md incident periods.</summary>
public sealed class IncidentClocksTests
{
    private static readonly ClockZone Utc = ClockZone.Utc;

    [Fact]
    public void Sb53_DiscoveredApril1_ReportToOesIsDueApril16()
    {
        var deadlines = IncidentClocks.For(new IncidentFacts(At("2026-04-01T10:00:00Z"), IncidentCategory.OtherSeriousHarm), IncidentRegime.Sb53, Utc);

        var report = Assert.Single(deadlines);
        Assert.Equal("sb53/oes-report", report.Obligation);
        Assert.Equal(Day("2026-04-16"), report.DueDate);
        Assert.Equal(DeadlinePrecision.Day, report.Precision);
        Assert.Contains("§22757.13", report.LegalBasis, StringComparison.Ordinal);
        Assert.Contains("15 days", report.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Sb53_ImminentDanger_AddsA24HourDisclosureFirst()
    {
        var incident = new IncidentFacts(At("2026-04-01T10:30:00Z"), IncidentCategory.Death, ImminentDanger: true);

        var deadlines = IncidentClocks.For(incident, IncidentRegime.Sb53, Utc);

        Assert.Equal(["sb53/imminent-danger-disclosure", "sb53/oes-report"], deadlines.Select(d => d.Obligation));
        Assert.Equal(DeadlinePrecision.Hour, deadlines[0].Precision);
        Assert.Equal(At("2026-04-02T10:30:00Z"), deadlines[0].DueTime);
        Assert.Equal("2026-04-02 10:30 UTC", deadlines[0].DueText);
        Assert.Equal(Day("2026-04-16"), deadlines[1].DueDate);
    }

    [Theory]
    [InlineData(IncidentCategory.OtherSeriousHarm, "2026-05-19", "Art. 73(2)")]
    [InlineData(IncidentCategory.Cybersecurity, "2026-05-19", "Art. 73(2)")]
    [InlineData(IncidentCategory.Death, "2026-05-14", "Art. 73(4)")]
    [InlineData(IncidentCategory.CriticalInfrastructure, "2026-05-06", "Art. 73(3)")]
    [InlineData(IncidentCategory.WidespreadInfringement, "2026-05-06", "Art. 73(3)")]
    public void EuAiActArt73_AwareMay4_GivesTheArticlesDates(IncidentCategory category, string expected, string article)
    {
        var deadline = Assert.Single(IncidentClocks.For(new IncidentFacts(At("2026-05-04T16:00:00Z"), category), IncidentRegime.EuAiActArt73, Utc));

        Assert.Equal("eu-ai-act-art73/report", deadline.Obligation);
        Assert.Equal(Day(expected), deadline.DueDate);
        Assert.Contains($"Regulation (EU) 2024/1689 (AI Act), {article}", deadline.LegalBasis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "2026-04-04T10:00:00Z")]
    [InlineData(true, "2026-04-02T10:00:00Z")]
    public void Raise_Is72HoursOr24HoursWhenImminent(bool imminent, string expected)
    {
        var incident = new IncidentFacts(At("2026-04-01T10:00:00Z"), IncidentCategory.OtherSeriousHarm, imminent);

        var deadline = Assert.Single(IncidentClocks.For(incident, IncidentRegime.Raise, Utc));

        Assert.Equal("raise/state-report", deadline.Obligation);
        Assert.Equal(DeadlinePrecision.Hour, deadline.Precision);
        Assert.Equal(At(expected), deadline.DueTime);
        Assert.Contains(imminent ? "24 hours" : "72 hours", deadline.LegalBasis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IncidentCategory.CriticalInfrastructure, "2026-05-06", "2 days")]
    [InlineData(IncidentCategory.Cybersecurity, "2026-05-09", "5 days")]
    [InlineData(IncidentCategory.Death, "2026-05-14", "10 days")]
    [InlineData(IncidentCategory.OtherSeriousHarm, "2026-05-19", "15 days")]
    [InlineData(IncidentCategory.WidespreadInfringement, "2026-05-19", "15 days")]
    public void CodeOfPractice_InitialReport_IsTwoFiveTenOrFifteenDays(IncidentCategory category, string expected, string period)
    {
        var deadline = Assert.Single(IncidentClocks.For(new IncidentFacts(At("2026-05-04T16:00:00Z"), category), IncidentRegime.GpaiCodeOfPractice, Utc));

        Assert.Equal("gpai-cop/initial-report", deadline.Obligation);
        Assert.Equal(Day(expected), deadline.DueDate);
        Assert.Contains(period, deadline.LegalBasis, StringComparison.Ordinal);
        Assert.Contains("Measure 9.3", deadline.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeOfPractice_Unresolved_NeedsAnUpdateFourWeeksAfterTheLastReport()
    {
        var incident = new IncidentFacts(At("2026-05-04T16:00:00Z"), IncidentCategory.Death);

        var deadlines = IncidentClocks.For(incident, IncidentRegime.GpaiCodeOfPractice, Utc, lastReportAt: At("2026-05-10T09:00:00Z"));

        Assert.Equal(["gpai-cop/initial-report", "gpai-cop/update"], deadlines.Select(d => d.Obligation));
        Assert.Equal(Day("2026-06-07"), deadlines[1].DueDate);
    }

    [Fact]
    public void CodeOfPractice_Resolved_NeedsAFinalReportWithin60DaysAndNoMoreUpdates()
    {
        var incident = new IncidentFacts(At("2026-05-04T16:00:00Z"), IncidentCategory.Cybersecurity, ResolvedAt: At("2026-06-01T12:00:00Z"));

        var deadlines = IncidentClocks.For(incident, IncidentRegime.GpaiCodeOfPractice, Utc, lastReportAt: At("2026-05-10T09:00:00Z"));

        Assert.Equal(["gpai-cop/initial-report", "gpai-cop/final-report"], deadlines.Select(d => d.Obligation));
        Assert.Equal(Day("2026-07-31"), deadlines[1].DueDate);
        Assert.Contains("60 days", deadlines[1].LegalBasis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IncidentRegime.Sb53)]
    [InlineData(IncidentRegime.Raise)]
    [InlineData(IncidentRegime.EuAiActArt73)]
    [InlineData(IncidentRegime.GpaiCodeOfPractice)]
    public void NearMiss_HasNoReportingDeadline(IncidentRegime regime)
    {
        var incident = new IncidentFacts(At("2026-05-04T16:00:00Z"), IncidentCategory.NearMiss, ImminentDanger: true);

        Assert.Empty(IncidentClocks.For(incident, regime, Utc, lastReportAt: At("2026-05-05T00:00:00Z")));
    }

    [Fact]
    public void HourDeadlines_ShowTheZonesOffset_AndKeepTheExactInstant()
    {
        var incident = new IncidentFacts(At("2026-03-28T23:00:00Z"), IncidentCategory.OtherSeriousHarm);

        // 72 hours across the start of summer time in Paris (29 March): elapsed hours, not wall-clock hours.
        var deadline = Assert.Single(IncidentClocks.For(incident, IncidentRegime.Raise, ClockZone.Parse("Europe/Paris")));

        Assert.Equal(At("2026-03-31T23:00:00Z"), deadline.DueTime);
        Assert.Equal(TimeSpan.FromHours(2), deadline.DueTime!.Value.Offset);
        Assert.Equal(Day("2026-04-01"), deadline.DueDate);
        Assert.Equal("2026-04-01 01:00 Europe/Paris (+02:00)", deadline.DueText);
        Assert.True(deadline.IsOnTime(At("2026-03-31T23:00:00Z")));
        Assert.False(deadline.IsOnTime(At("2026-03-31T23:00:00Z").AddTicks(1)));
    }

    [Fact]
    public void EveryDeadline_ShowsItsLegalBasisWithTheDate()
    {
        var incident = new IncidentFacts(At("2026-05-04T16:00:00Z"), IncidentCategory.Death, ImminentDanger: true);

        var all = Enum.GetValues<IncidentRegime>().SelectMany(r => IncidentClocks.For(incident, r, Utc)).ToList();

        Assert.Equal(5, all.Count);
        Assert.All(all, d =>
        {
            Assert.StartsWith(d.DueText, d.ToString(), StringComparison.Ordinal);
            Assert.EndsWith(d.LegalBasis, d.ToString(), StringComparison.Ordinal);
            Assert.Contains(d.Obligation.Split('/')[0], IncidentNames.RegimeNames);
        });
    }
}
