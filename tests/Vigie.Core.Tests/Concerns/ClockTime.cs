using System.Globalization;

namespace Vigie.Core.Tests.Concerns;

/// <summary>Short instants for clock tests.</summary>
internal static class ClockTime
{
    /// <summary>An ISO 8601 instant with its offset, e.g. "2026-03-02T14:00:00Z".</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
