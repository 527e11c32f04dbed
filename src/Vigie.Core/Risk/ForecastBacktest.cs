namespace Vigie.Core.Risk;

/// <summary>
/// The forecast tested on history (issue 5): for each k from 3, fit the logit score against
/// log10 compute on the first k versions (in compute order) and predict the (k+1)th; report the
/// prediction, its interval (back on the score's own scale) and the actual score.
/// </summary>
public static class ForecastBacktest
{
    public static IReadOnlyList<BacktestStep> Run(IReadOnlyList<ForecastPoint> points, ScoreScale scale, double confidence)
    {
        var ordered = points.Where(p => p.ComputeFlop is > 0).OrderBy(p => p.ComputeFlop).ToList();
        var steps = new List<BacktestStep>();
        for (var k = 3; k < ordered.Count; k++)
        {
            var fit = LinearFit.Of(
                ordered.Take(k).Select(p => Math.Log10(p.ComputeFlop!.Value)).ToList(),
                ordered.Take(k).Select(p => scale.ToLogit(p.Score)).ToList());
            if (fit is null)
            {
                continue;
            }

            var x = Math.Log10(ordered[k].ComputeFlop!.Value);
            steps.Add(new BacktestStep(k, ordered[k].Version, scale.FromLogit(fit.Predict(x)),
                scale.FromLogit(fit.LowerBound(x, confidence)), scale.FromLogit(fit.UpperBound(x, confidence)), ordered[k].Score));
        }

        return steps;
    }
}
