using System.Globalization;

namespace Vigie.Server.Features.Portal;

/// <summary>Reads ?from= and ?to= (yyyy-MM-dd, both optional, both included) into a period, or says what is wrong.</summary>
public static class PortalPeriod
{
    public static string? Parse(string? from, string? to, out StatisticsPeriod period)
    {
        period = StatisticsPeriod.All;
        DateOnly? f = null, t = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return $"from must be a day written yyyy-MM-dd, got \"{Shorten(from)}\".";
            }

            f = day;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return $"to must be a day written yyyy-MM-dd, got \"{Shorten(to)}\".";
            }

            t = day;
        }

        if (f is not null && t is not null && f > t)
        {
            return $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd}).";
        }

        period = new StatisticsPeriod(f, t);
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
