namespace Vigie.Core.Risk;

/// <summary>
/// The logit of a bounded score (METHODS.md, "Capability forecasting": OLS on the logit of a
/// bounded score). Scores are first put on [0, 1] by the threshold's range; 0 and 1 themselves are
/// held <see cref="Epsilon"/> inside, since their logit is infinite. For a threshold reached when
/// the score falls (<c>at-most</c>), the scale is turned over so that capability always rises.
/// </summary>
public sealed record ScoreScale(double Low, double High, ThresholdDirection Direction)
{
    public const double Epsilon = 1e-3;

    public static ScoreScale Of(Threshold threshold) => new(threshold.RangeLow, threshold.RangeHigh, threshold.Direction);

    public double ToLogit(double score)
    {
        var p = Math.Clamp((score - Low) / (High - Low), Epsilon, 1 - Epsilon);
        if (Direction == ThresholdDirection.AtMost)
        {
            p = 1 - p;
        }

        return Math.Log(p / (1 - p));
    }

    public double FromLogit(double logit)
    {
        var p = 1 / (1 + Math.Exp(-logit));
        if (Direction == ThresholdDirection.AtMost)
        {
            p = 1 - p;
        }

        return Low + p * (High - Low);
    }
}
