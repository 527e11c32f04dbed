using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed class IncidentNamesTests
{
    [Fact]
    public void Names_AreTheOnesTheIssueUsesOnTheCommandLine()
    {
        Assert.Equal(["sb53", "raise", "eu-ai-act-art73", "gpai-cop"], IncidentNames.RegimeNames);
        Assert.Equal(["death", "critical-infrastructure", "widespread-infringement", "cybersecurity", "other-serious-harm", "near-miss"],
            IncidentNames.CategoryNames);
    }

    [Fact]
    public void EveryName_ParsesBackToItsValue()
    {
        Assert.All(Enum.GetValues<IncidentRegime>(), r =>
        {
            Assert.True(IncidentNames.TryParseRegime(IncidentNames.Name(r), out var parsed, out _));
            Assert.Equal(r, parsed);
        });
        Assert.All(Enum.GetValues<IncidentCategory>(), c =>
        {
            Assert.True(IncidentNames.TryParseCategory(IncidentNames.Name(c), out var parsed, out _));
            Assert.Equal(c, parsed);
        });
    }

    [Theory]
    [InlineData("SB53")]
    [InlineData("eu-ai-act")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseRegime_RefusesAndListsTheNames(string? name)
    {
        Assert.False(IncidentNames.TryParseRegime(name, out _, out var error));
        Assert.Contains("sb53, raise, eu-ai-act-art73, gpai-cop", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseCategory_RefusesAndListsTheNames()
    {
        Assert.False(IncidentNames.TryParseCategory("fatality", out _, out var error));
        Assert.Contains("death, critical-infrastructure", error, StringComparison.Ordinal);
    }
}
