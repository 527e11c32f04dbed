using Vigie.Core.Impact.Rights;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>The EU AI Act questionnaire's tiers and the articles behind them (REGULATIONS.md).</summary>
public sealed class ClassificationTests
{
    private static AiActClassification Classify(double? flop = null, params string[] yes) =>
        AiActClassifier.Classify(yes.Append("eu-market").ToDictionary(y => y, _ => true), flop);

    [Fact]
    public void CreditScoring_IsHighRisk_UnderAnnexIII5_WithFriaForDeployers()
    {
        var c = Classify(null, "essential-services");
        Assert.Equal(AiActTier.HighRisk, c.Tier);
        Assert.Contains(c.Reasons, r => r.Article == "Art. 6(2), Annex III point 5");
        Assert.Contains(c.Obligations, o => o.Article == "Art. 27" && o.Text.Contains("credit scoring", StringComparison.Ordinal));
        Assert.Contains(c.Obligations, o => o.Article == "Art. 73");
    }

    [Fact]
    public void TheArt63Exemption_RemovesHighRisk_ButNeverForProfiling()
    {
        var exempt = Classify(null, "employment", "narrow-task");
        Assert.Equal(AiActTier.Minimal, exempt.Tier);
        Assert.True(exempt.Art6Exempt);
        Assert.Contains(exempt.Obligations, o => o.Article == "Art. 6(4)");

        var profiling = Classify(null, "employment", "narrow-task", "profiling");
        Assert.Equal(AiActTier.HighRisk, profiling.Tier);
        Assert.False(profiling.Art6Exempt);
        Assert.Contains(profiling.Reasons, r => r.Text.Contains("profiles natural persons", StringComparison.Ordinal));
    }

    [Fact]
    public void AProhibitedPractice_WinsOverEverything()
    {
        var c = Classify(null, "social-scoring", "employment", "interacts-with-people");
        Assert.Equal(AiActTier.Prohibited, c.Tier);
        Assert.Equal("Art. 5(1)", c.Obligations[0].Article);
        Assert.Contains(c.Reasons, r => r.Article == "Art. 5(1)(c)");
    }

    [Fact]
    public void AChatbot_HasTransparencyDuties_AndAGpaiModelAbove1e25_HasSystemicRisk()
    {
        var c = Classify(2e25, "interacts-with-people", "synthetic-content", "general-purpose");
        Assert.Equal(AiActTier.Transparency, c.Tier);
        Assert.True(c.GeneralPurpose);
        Assert.True(c.SystemicRisk);
        Assert.Contains(c.Obligations, o => o.Article == "Art. 50(1)");
        Assert.Contains(c.Obligations, o => o.Article == "Art. 52(1)");
        Assert.Contains(c.Obligations, o => o.Article == "Art. 53(1)(a), Annex XI");
        Assert.False(Classify(1e25, "general-purpose").SystemicRisk); // not greater than 10^25
    }

    [Fact]
    public void OutsideTheEu_TheRegulationDoesNotApply()
    {
        var c = AiActClassifier.Classify(new Dictionary<string, bool> { ["employment"] = true }, null);
        Assert.Equal(AiActTier.OutsideScope, c.Tier);
        Assert.Empty(c.Obligations);
    }
}
