namespace Vigie.Core.Risk;

/// <summary>
/// When a system must be evaluated again: once effective training compute has grown by
/// <see cref="ComputeMultiple"/> since its last full evaluation, or <see cref="Months"/> after
/// it, whichever comes first (Preparedness v1: every 2x; FSF v1: every 6x or 3 months).
/// </summary>
public sealed record EvaluationCadence(double ComputeMultiple, int Months)
{
    public static readonly EvaluationCadence Default = new(2, 3);
}
