using Vigie.Core.Risk;
using Xunit;

namespace Vigie.Core.Tests.Risk;

public sealed class FrameworkReaderTests
{
    public static string Preset(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "presets", "frameworks", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException(name);
    }

    [Theory]
    [InlineData("preparedness-style.yaml", "preparedness-style", 4, "biological-chemical")]
    [InlineData("rsp-style.yaml", "rsp-style", 3, "cbrn")]
    [InlineData("fsf-style.yaml", "fsf-style", 3, "cbrn-uplift")]
    [InlineData("gpai-code-of-practice.yaml", "gpai-code-of-practice", 4, "loss-of-control")]
    public void ShippedPresets_Load(string file, string name, int levels, string category)
    {
        var load = FrameworkReader.Read(Preset(file));

        Assert.True(load.Succeeded, load.ErrorText);
        Assert.Equal(name, load.Framework!.Name);
        Assert.Equal(levels, load.Framework.Levels.Count);
        Assert.NotNull(load.Framework.Category(category));
    }

    [Fact]
    public void Preparedness_CarriesItsCadenceMarginAndTrackedCategories()
    {
        var framework = FrameworkReader.Read(Preset("preparedness-style.yaml")).Framework!;

        Assert.Equal(new EvaluationCadence(2, 3), framework.Cadence);
        Assert.Equal(["biological-chemical", "cybersecurity", "ai-self-improvement"], framework.Categories.Where(c => c.Tracked).Select(c => c.Id));
        var high = framework.Category("cybersecurity")!.Thresholds.Single(t => t.Level == "high");
        Assert.Equal((0.35, 0.05, ThresholdDirection.AtLeast), (high.Value, high.Margin, high.Direction));
        Assert.Equal(RiskMatrix.Default, framework.Matrix);
    }

    [Fact]
    public void Rsp_LevelsCarryTheirAsl()
    {
        var framework = FrameworkReader.Read(Preset("rsp-style.yaml")).Framework!;
        Assert.Equal([2, 3, 4], framework.Levels.Select(l => l.Asl!.Value));
        Assert.Equal(new EvaluationCadence(4, 6), framework.Cadence);
    }

    [Fact]
    public void Mistakes_AreAllReported_WithLineAndColumn()
    {
        var load = FrameworkReader.Read("""
            framework: demo
            version: 1
            title: Demo
            levels:
              - { id: low, risk: low }
              - { id: high, risk: hihg }
            categories:
              - id: cyber
                colour: blue
                thresholds:
                  - { level: extreme, task: ctf, metric: accuracy, at-least: 0.5 }
                  - { level: low, task: ctf, metric: accuracy, at-least: 1.5 }
                  - { level: low, task: ctf, metric: accuracy }
            """);

        Assert.False(load.Succeeded);
        var text = load.ErrorText;
        Assert.Contains("line 6, column 23: 'risk' of level 'high' must be one of low, medium, high, critical.", text);
        Assert.Contains("line 9, column 5: unknown key 'colour'", text);
        Assert.Contains("line 11, column 18: a threshold of category 'cyber' names level 'extreme'", text);
        Assert.Contains("is not inside its score range [0, 1]", text);
        Assert.Contains("line 13, column 9: a threshold of category 'cyber' needs exactly one of 'at-least'", text);
    }

    [Fact]
    public void BrokenYaml_IsReportedAtItsPosition()
    {
        var load = FrameworkReader.Read("framework: demo\nversion: [1\n");
        Assert.False(load.Succeeded);
        Assert.StartsWith("line 3", load.ErrorText);
    }

    [Fact]
    public void RiskMatrix_IsConfigurable_AndMustCoverEveryScore()
    {
        const string head = "framework: m\nversion: 1\ntitle: M\nlevels: [{ id: a, risk: low }, { id: b, risk: high }]\ncategories: [{ id: c }]\n";
        var ok = FrameworkReader.Read(head + "risk-matrix:\n  likelihood: [low, mid, high]\n  severity: [small, big, huge]\n  ratings: [{ up-to: 2, rating: low }, { up-to: 5, rating: medium }, { up-to: 9, rating: critical }]\n");
        Assert.True(ok.Succeeded, ok.ErrorText);
        Assert.Equal(new RiskRating(2, 3, 6, "critical"), ok.Framework!.Matrix.Rate(2, 3));
        Assert.Null(ok.Framework.Matrix.Rate(4, 1));

        var gap = FrameworkReader.Read(head + "risk-matrix:\n  likelihood: [a, b, c]\n  severity: [a, b, c]\n  ratings: [{ up-to: 4, rating: low }]\n");
        Assert.Contains("the last rating band ends at 4, but the matrix reaches 9", gap.ErrorText);
    }

    [Theory]
    [InlineData(1, 1, 1, "low")]
    [InlineData(2, 2, 4, "low")]
    [InlineData(1, 5, 5, "medium")]
    [InlineData(3, 3, 9, "medium")]
    [InlineData(2, 5, 10, "high")]
    [InlineData(4, 4, 16, "high")]
    [InlineData(4, 5, 20, "critical")]
    [InlineData(5, 5, 25, "critical")]
    public void DefaultMatrix_RatesLikelihoodTimesSeverity(int likelihood, int severity, int score, string rating) =>
        Assert.Equal(new RiskRating(likelihood, severity, score, rating), RiskMatrix.Default.Rate(likelihood, severity));
}
