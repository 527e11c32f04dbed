using Vigie.Core.Formats.ModelCards;
using Xunit;

namespace Vigie.Core.Tests.Formats.ModelCards;

public sealed class CardProfileTests
{
    [Fact]
    public void Sb53_OnAnEmptyCard_ListsTheTransparencyReportContents_WithTheirClauses()
    {
        var check = CardProfiles.Sb53Transparency.Check(ModelCard.Empty);

        Assert.False(check.Complete);
        Assert.Equal(
            ["model.website", "model.contact", "model.releaseDate", "technical.languages", "technical.outputModalities",
             "uses.intended", "uses.restrictions", "risk.catastrophicRiskAssessments", "risk.catastrophicRiskResults",
             "risk.thirdPartyEvaluators", "risk.frameworkSteps"],
            check.Missing.Select(m => m.Path));
        var website = check.Missing[0];
        Assert.Equal("Developer website", website.Label);
        Assert.StartsWith("Cal. Bus. & Prof. Code §22757.12(c)(1)(A)", website.Citation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sb53-transparency")]
    [InlineData("eu-annex-xi")]
    [InlineData("cop-model-report")]
    [InlineData("hf-basic")]
    public void FullCard_MeetsEveryProfile(string profile)
    {
        var check = CardProfiles.Find(profile)!.Check(CardFixtures.Full());

        Assert.True(check.Complete, string.Join(", ", check.Missing.Select(m => m.Path)));
    }

    [Fact]
    public void EveryRequirement_NamesAKnownField_AndCitesItsSource()
    {
        foreach (var profile in CardProfiles.All)
        {
            foreach (var requirement in profile.Requirements)
            {
                Assert.NotNull(CardSchema.Find(requirement.Path));
                Assert.True(requirement.Citation.Length > 20, $"{profile.Id} {requirement.Path}");
            }
        }
    }

    [Fact]
    public void AnnexXiTrainingTime_IsMetByDuration_OrByStartAndEndDates()
    {
        static bool Missing(string json) => CardProfiles.EuAnnexXi.Check(CardFixtures.Card(json)).Missing.Any(m => m.Path == "training.durationHours");

        Assert.True(Missing("""{"training":{"startDate":"2026-01-01"}}"""));
        Assert.False(Missing("""{"training":{"startDate":"2026-01-01","endDate":"2026-02-01"}}"""));
        Assert.False(Missing("""{"training":{"durationHours":12}}"""));
    }

    [Fact]
    public void UnknownProfile_IsNotFound_AndTheNamesAreListed()
    {
        Assert.Null(CardProfiles.Find("sb-53"));
        Assert.Equal("sb53-transparency, eu-annex-xi, cop-model-report, hf-basic", CardProfiles.Names);
    }
}
