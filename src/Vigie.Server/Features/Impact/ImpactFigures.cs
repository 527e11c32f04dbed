using System.Globalization;
using System.Text.Json;

namespace Vigie.Server.Features.Impact;

/// <summary>How the impact pages write figures: grouped digits, scientific notation for very large values, "not estimated" for none.</summary>
public static class ImpactFigures
{
    public static string Number(double? value, string unit)
    {
        if (value is not { } v)
        {
            return "not estimated";
        }

        var text = Math.Abs(v) >= 1e9 ? v.ToString("0.###E+0", CultureInfo.InvariantCulture)
            : v.ToString(Math.Abs(v) >= 100 ? "N1" : "0.####", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? text : text + " " + unit;
    }

    /// <summary>A time as the pages show it: to the minute, in UTC, saying so.</summary>
    public static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A number property of a JSON estimate, or null when it is absent or null (not estimated).</summary>
    public static double? Of(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
