namespace Vigie.Core.Concerns;

/// <summary>The unit a legal period is expressed in.</summary>
internal enum PeriodUnit
{
    Hours,
    Days,
    Months,
}
