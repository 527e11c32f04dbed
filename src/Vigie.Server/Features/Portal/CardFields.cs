using System.Globalization;
using System.Text.Json;

namespace Vigie.Server.Features.Portal;

/// <summary>A model card's JSON as (path, value) rows for reading: what the portal and the reports print.</summary>
public static class CardFields
{
    public static IReadOnlyList<(string Path, string Value)> Flatten(string cardJson, int max = 200)
    {
        using var document = JsonDocument.Parse(cardJson);
        var rows = new List<(string, string)>();
        Walk(document.RootElement, "", rows, max);
        return rows;
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> rows, int max)
    {
        if (rows.Count >= max)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", rows, max);
                }

                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number):
                rows.Add((path, string.Join(", ", element.EnumerateArray().Select(Scalar))));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", rows, max);
                }

                break;
            default:
                rows.Add((path, Scalar(element)));
                break;
        }
    }

    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => e.TryGetDouble(out var d) ? d.ToString("G", CultureInfo.InvariantCulture) : e.GetRawText(),
        _ => e.GetRawText(),
    };
}
