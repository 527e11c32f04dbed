namespace Vigie.Core.Risk;

/// <summary>One back-test step: fitted on the first <see cref="K"/> points, predicting the next one.</summary>
public sealed record BacktestStep(int K, string Version, double Predicted, double Lower, double Upper, double Actual)
{
    public double AbsoluteError => Math.Abs(Predicted - Actual);

    public bool WithinInterval => Actual >= Math.Min(Lower, Upper) && Actual <= Math.Max(Lower, Upper);
}
