namespace Vigie.Core.Risk;

/// <summary>
/// The fit of the logit score against one axis — log10 of compute, or time in years — and where
/// the fitted line and the upper prediction bound reach the target. <see cref="TooFew"/> says, in
/// words, why there is no fit. Crossings are axis values (log10 FLOP, or years since 1970).
/// </summary>
public sealed record AxisForecast(string Axis, int Points, LinearFit? Fit, string? TooFew, double? FitCrossing, double? UpperCrossing, string? Note);
