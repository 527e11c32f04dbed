using MathNet.Numerics.Distributions;

namespace Vigie.Core.Risk;

/// <summary>
/// Ordinary least squares of y on x with one predictor, and its prediction interval
/// (Montgomery, Peck and Vining, Introduction to Linear Regression Analysis, §2.4.2: the standard
/// error of a new observation at x0 is s·√(1 + 1/n + (x0 − x̄)²/Sxx), with Student's t on n − 2
/// degrees of freedom). Checked against NIST StRD "Norris" certified values.
/// </summary>
public sealed record LinearFit(int N, double Intercept, double Slope, double MeanX, double Sxx, double ResidualSd, double RSquared)
{
    /// <summary>The fit, or null when there are fewer than 3 points or every x is the same.</summary>
    public static LinearFit? Of(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var n = xs.Count;
        if (n != ys.Count)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(ys));
        }

        if (n < 3)
        {
            return null;
        }

        // Centred sums (two passes): accurate where x is large and nearly constant, as log10 FLOP is.
        var meanX = xs.Average();
        var meanY = ys.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = xs[i] - meanX;
            var dy = ys[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        if (sxx <= 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = ys[i] - (intercept + slope * xs[i]);
            sse += r * r;
        }

        return new LinearFit(n, intercept, slope, meanX, sxx, Math.Sqrt(sse / (n - 2)), syy > 0 ? 1 - sse / syy : 1);
    }

    public double Predict(double x) => Intercept + Slope * x;

    /// <summary>Standard error of the fitted mean at x (at x = 0 it is the intercept's standard error).</summary>
    public double MeanStandardError(double x) => ResidualSd * Math.Sqrt(1.0 / N + (x - MeanX) * (x - MeanX) / Sxx);

    public double SlopeStandardError => ResidualSd / Math.Sqrt(Sxx);

    /// <summary>Standard error of a new observation at x.</summary>
    public double PredictionStandardError(double x) => ResidualSd * Math.Sqrt(1 + 1.0 / N + (x - MeanX) * (x - MeanX) / Sxx);

    /// <summary>The upper end of the two-sided <paramref name="confidence"/> prediction interval at x.</summary>
    public double UpperBound(double x, double confidence) => Predict(x) + TQuantile(confidence) * PredictionStandardError(x);

    public double LowerBound(double x, double confidence) => Predict(x) - TQuantile(confidence) * PredictionStandardError(x);

    /// <summary>Student's t quantile for a two-sided interval: t(1 − (1 − confidence)/2, n − 2).</summary>
    public double TQuantile(double confidence) => StudentT.InvCDF(0, 1, N - 2, 1 - (1 - confidence) / 2);
}
