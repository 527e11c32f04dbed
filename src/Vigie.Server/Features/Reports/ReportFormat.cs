using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigie.Server.Features.Reports;

/// <summary>How reports write values: numbers invariantly, card values as text.</summary>
public static class ReportFormat
{
    public static string Number(double value) =>
        Math.Abs(value) >= 1e7 ? value.ToString("0.###e+0", CultureInfo.InvariantCulture) : value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string? Card(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var d) => Number(d),
        JsonValue v => v.ToString(),
        JsonArray a when a.All(x => x is JsonValue) => string.Join(", ", a.Select(x => Card(x))),
        _ => node.ToJsonString(),
    };

    public static string Entries(IReadOnlyList<long> entries, int max = 8) =>
        entries.Count == 0 ? "" : string.Join(", ", entries.Take(max).Select(e => "#" + e.ToString(CultureInfo.InvariantCulture)))
            + (entries.Count > max ? $" and {entries.Count - max} more" : "");
}
