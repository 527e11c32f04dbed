using Vigie.Core.Risk;
using Xunit;

namespace Vigie.Core.Tests.Risk;

public sealed class ForecastTests
{
    // NIST Statistical Reference Datasets, linear least squares, "Norris" (lower difficulty):
    // data and certified values from https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml
    private static readonly double[] NorrisX =
    [
        0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0, 447.5, 11.6,
        556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1, 448.9, 0.5,
    ];

    private static readonly double[] NorrisY =
    [
        0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3, 448.9, 10.8,
        557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4, 449.2, 0.2,
    ];

    [Fact]
    public void Ols_MatchesNistNorrisCertifiedValues()
    {
        var fit = LinearFit.Of(NorrisX, NorrisY)!;

        Assert.Equal(-0.262323073774029, fit.Intercept, 1e-12);
        Assert.Equal(1.00211681802045, fit.Slope, 1e-13);
        Assert.Equal(0.884796396144373, fit.ResidualSd, 1e-12);
        Assert.Equal(0.999993745883712, fit.RSquared, 1e-13);
        // Certified standard deviations of the estimates: the slope's, and the intercept's, which
        // is the standard error of the fitted mean at x = 0 (the same formula the interval uses).
        Assert.Equal(0.429796848199937E-03, fit.SlopeStandardError, 1e-15);
        Assert.Equal(0.232818234301152, fit.MeanStandardError(0), 1e-12);
    }

    [Theory]
    // Student's t, one-sided upper 5 % points (NIST/SEMATECH e-Handbook, table 1.3.6.7.2): the
    // quantile a two-sided 90 % interval uses.
    [InlineData(3, 2.353)]   // n = 5
    [InlineData(10, 1.812)]  // n = 12
    [InlineData(34, 1.691)]  // n = 36
    public void TQuantile_MatchesThePublishedTable(int degreesOfFreedom, double table)
    {
        var xs = Enumerable.Range(0, degreesOfFreedom + 2).Select(i => (double)i).ToList();
        var fit = LinearFit.Of(xs, xs.Select(x => x * x).ToList())!;
        Assert.Equal(table, fit.TQuantile(0.90), 3);
    }

    [Fact]
    public void PredictionInterval_IsTheFittedValuePlusTTimesThePredictionError()
    {
        var fit = LinearFit.Of(NorrisX, NorrisY)!;
        // s·√(1 + 1/n + (x0 − x̄)²/Sxx) at x0 = 0 is √(s² + SE(B0)²), from the certified values.
        var se = Math.Sqrt(0.884796396144373 * 0.884796396144373 + 0.232818234301152 * 0.232818234301152);
        Assert.Equal(se, fit.PredictionStandardError(0), 1e-10);
        Assert.Equal(-0.262323073774029 + 1.691 * se, fit.UpperBound(0, 0.90), 2);
    }

    [Fact]
    public void TooFewPoints_AreSaidPlainly()
    {
        var forecast = Forecast([Point("1", 1e22, 0, 0.05), Point("2", 1e23, 90, 0.10)]);
        Assert.Null(forecast.Compute.Fit);
        Assert.Contains("Too few points to fit against compute: 2 version(s)", forecast.Summary);
        Assert.False(forecast.Alert);
    }

    [Fact]
    public void ALogisticFamily_ForecastsTheCrossingWhereTheLineMeetsTheThreshold()
    {
        // Scores on an exact logistic in log10 compute: logit(p) = 2·(log10 C − 25).
        var points = new[] { 22.0, 23.0, 23.5, 23.8 }.Select((x, i) =>
            Point($"v{i}", Math.Pow(10, x), i * 100, 1 / (1 + Math.Exp(-2 * (x - 25))))).ToList();
        var forecast = Forecast(points);

        // Next threshold: cybersecurity Medium at 0.15, reached (with margin 0.05) at 0.10.
        Assert.Equal("medium", forecast.Next!.Level);
        Assert.Equal(0.10, forecast.Target!.Value, 12);
        var expected = 25 + Math.Log(0.10 / 0.90) / 2; // where the exact line meets logit(0.10)
        Assert.Equal(expected, Math.Log10(forecast.FitCrossingFlop!.Value), 9);
        Assert.Equal(0, forecast.Compute.Fit!.ResidualSd, 9);
    }

    [Fact]
    public void TheUpperBound_CrossingWithinTheNextScaleUp_RaisesTheAlert()
    {
        // Noisy points rising toward Medium: the bound reaches it before the line does.
        var points = new List<ForecastPoint>
        {
            Point("a", 1e22, 0, 0.010), Point("b", 3e22, 60, 0.030), Point("c", 1e23, 120, 0.015), Point("d", 3e23, 180, 0.050),
        };
        var forecast = Forecast(points);

        Assert.NotNull(forecast.UpperCrossingFlop);
        Assert.True(forecast.UpperCrossingFlop < forecast.FitCrossingFlop);
        Assert.Equal(forecast.UpperCrossingFlop <= 2 * 3e23 || forecast.UpperCrossingDate <= Now.AddMonths(3), forecast.Alert);
        var calm = Forecast([Point("a", 1e22, 0, 0.001), Point("b", 1e23, 60, 0.0012), Point("c", 1e24, 120, 0.0014)]);
        Assert.False(calm.Alert);
    }

    [Fact]
    public void Backtest_PredictsEachNextPointFromThoseBefore()
    {
        var points = new[] { 22.0, 23.0, 24.0, 25.0, 26.0 }.Select((x, i) =>
            Point($"v{i}", Math.Pow(10, x), i * 100, 1 / (1 + Math.Exp(-(x - 25))))).ToList();
        var steps = ForecastBacktest.Run(points, new ScoreScale(0, 1, ThresholdDirection.AtLeast), 0.90);

        Assert.Equal([3, 4], steps.Select(s => s.K));
        Assert.All(steps, s => Assert.Equal(s.Actual, s.Predicted, 9)); // an exact logistic is predicted exactly
        Assert.Equal(0.5, steps[0].Actual, 12);
    }

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ForecastPoint Point(string version, double flop, int day, double score) =>
        new(version, flop, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day), score);

    private static MetricForecast Forecast(IReadOnlyList<ForecastPoint> points)
    {
        var framework = FrameworkReader.Read(FrameworkReaderTests.Preset("preparedness-style.yaml")).Framework!;
        var thresholds = framework.Category("cybersecurity")!.Thresholds.Select(t => (t, "cybersecurity")).ToList();
        return CapabilityForecaster.Forecast(thresholds, points, framework.Forecast, Now);
    }
}
