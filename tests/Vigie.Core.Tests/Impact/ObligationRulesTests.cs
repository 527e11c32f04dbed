using Vigie.Core.Impact.Obligations;
using Vigie.Core.Impact.Rights;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>Obligations and their due dates follow from ledger facts (REGULATIONS.md periods, calendar days, UTC).</summary>
public sealed class ObligationRulesTests
{
    private static readonly DateTimeOffset Crossed = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static RegulatoryFacts Facts(ThresholdCrossing? eu = null, ThresholdCrossing? frontier = null, double? revenue2025 = null,
        DateTimeOffset? deployed = null, params ObligationMet[] met) => new(
        "atlas", eu, frontier,
        revenue2025 is { } r ? new Dictionary<int, double> { [2025] = r } : new Dictionary<int, double>(),
        deployed, null, met);

    [Fact]
    public void BelowTheThresholds_NothingApplies()
    {
        var view = ObligationRules.Evaluate(Facts(), Crossed);
        Assert.DoesNotContain(view.Regimes, r => r.Applies);
        Assert.Empty(view.Obligations);
        Assert.Empty(view.IncidentRegimes);
    }

    [Fact]
    public void Crossing1e25_MakesTheArt52NotificationDue_TwoWeeksAfterTheRunWasLogged()
    {
        var view = ObligationRules.Evaluate(Facts(eu: new(Crossed, "1.0", "pretrain", 12, 1.2e25)), Crossed.AddDays(1));
        var notice = view.Obligations.Single(o => o.Id == "eu-art52-notification");
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero), notice.DueAt);
        Assert.Equal(ObligationStatus.Open, notice.Status);
        Assert.Contains("log entry 12", notice.DueBasis);
        Assert.Contains("Art. 52(1)", notice.LegalBasis);
        Assert.Equal(new DateTimeOffset(2026, 4, 12, 10, 0, 0, TimeSpan.Zero), view.Obligations.Single(o => o.Id == "cop-safety-framework").DueAt);
        Assert.Equal(ObligationStatus.BeforeEvent, view.Obligations.Single(o => o.Id == "eu-annex-xi-documentation").Status);
        Assert.Equal(["gpai-cop"], view.IncidentRegimes);
        Assert.False(view.Applies("sb53"));

        var late = ObligationRules.Evaluate(Facts(eu: new(Crossed, "1.0", "pretrain", 12, 1.2e25)), Crossed.AddDays(15));
        Assert.Equal(ObligationStatus.Overdue, late.Obligations.Single(o => o.Id == "eu-art52-notification").Status);
    }

    [Fact]
    public void ARecordedNotification_MeetsIt_AndStartsTheCodeOfPracticeClock()
    {
        var sent = new ObligationMet("eu-art52-notification", Crossed.AddDays(5), "AI Office 2026/123", null, 20, "olga");
        var view = ObligationRules.Evaluate(Facts(eu: new(Crossed, "1.0", "pretrain", 12, 1.2e25), met: sent), Crossed.AddDays(30));
        var notice = view.Obligations.Single(o => o.Id == "eu-art52-notification");
        Assert.Equal(ObligationStatus.Met, notice.Status);
        Assert.Equal("AI Office 2026/123", notice.MetBy!.Reference);
        Assert.Equal(Crossed.AddDays(33), view.Obligations.Single(o => o.Id == "cop-safety-framework").DueAt);
    }

    [Fact]
    public void Crossing1e26_MakesAFrontierDeveloper_AndRevenueAbove500Million_ALargeOne()
    {
        var frontier = new ThresholdCrossing(Crossed.AddDays(40), "2.0", "rl", 30, 1.1e26);
        var small = ObligationRules.Evaluate(Facts(frontier: frontier), Crossed.AddDays(41));
        Assert.True(small.Applies("sb53"));
        Assert.False(small.Applies("sb53-large-developer"));
        Assert.Contains("2025 revenue is not recorded", small.Regimes.Single(r => r.Id == "sb53-large-developer").Why);
        Assert.Equal(ObligationStatus.BeforeEvent, small.Obligations.Single(o => o.Id == "sb53-transparency-report").Status);

        var deployed = Crossed.AddDays(50);
        var large = ObligationRules.Evaluate(Facts(frontier: frontier, revenue2025: 6e8, deployed: deployed), Crossed.AddDays(51));
        Assert.True(large.Applies("raise"));
        Assert.Equal(["sb53", "raise"], large.IncidentRegimes);
        Assert.Equal(frontier.At, large.Obligations.Single(o => o.Id == "sb53-framework").DueAt);
        Assert.Equal(frontier.At.AddMonths(3), large.Obligations.Single(o => o.Id == "sb53-oes-summary").DueAt);
        Assert.Equal(deployed, large.Obligations.Single(o => o.Id == "sb53-transparency-report").DueAt);
        Assert.Equal(ObligationStatus.Overdue, large.Obligations.Single(o => o.Id == "sb53-transparency-report").Status);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), large.Obligations.Single(o => o.Id == "raise-safety-protocol").DueAt);
    }

    [Fact]
    public void AModelReport_StartsASixMonthUpdateClock()
    {
        var report = new ObligationMet("cop-model-report", Crossed.AddDays(20), "MR-1", null, 40, "olga");
        var view = ObligationRules.Evaluate(Facts(eu: new(Crossed, "1.0", "pretrain", 12, 1.2e25), met: report), Crossed.AddDays(21));
        Assert.Equal(Crossed.AddDays(20).AddMonths(6), view.Obligations.Single(o => o.Id == "cop-model-report-update").DueAt);
    }

    [Fact]
    public void AClassifiedHighRiskSystem_HasArt73AndFriaObligations_AndOutsideScopeTurnsTheEuOff()
    {
        var high = AiActClassifier.Classify(new Dictionary<string, bool> { ["eu-market"] = true, ["essential-services"] = true });
        var view = ObligationRules.Evaluate(Facts() with { Classification = high }, Crossed);
        Assert.Contains("eu-ai-act-art73", view.IncidentRegimes);
        Assert.Contains(view.Obligations, o => o.Id == "eu-fria");

        var outside = AiActClassifier.Classify(new Dictionary<string, bool>());
        var off = ObligationRules.Evaluate(Facts(eu: new(Crossed, "1.0", "pretrain", 12, 1.2e25)) with { Classification = outside }, Crossed);
        Assert.False(off.Applies("eu-ai-act-systemic-risk"));
        Assert.DoesNotContain(off.Obligations, o => o.Id == "eu-art52-notification");
    }
}
