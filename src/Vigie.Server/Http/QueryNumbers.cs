using System.Globalization;

namespace Vigie.Server.Http;

/// <summary>
/// Parses numeric query and route values by hand, so "abc" or "-1" gets a problem response that
/// names the parameter instead of the framework's bare 400.
/// </summary>
public static class QueryNumbers
{
    public static IResult? TryParse(string? raw, string name, out long value, long? defaultValue = null)
    {
        value = 0;
        if (string.IsNullOrEmpty(raw))
        {
            if (defaultValue is { } d)
            {
                value = d;
                return null;
            }

            return Problems.BadRequest($"The query parameter '{name}' is required.");
        }

        if (raw.Length > 19 || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return Problems.BadRequest($"'{name}' must be a non-negative whole number; got '{Truncate(raw)}'.");
        }

        return null;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
