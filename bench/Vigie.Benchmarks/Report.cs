using System.Globalization;
using System.Text.Json;

namespace Vigie.Benchmarks;

/// <summary>Prints a result as a small aligned table, then as one JSON line prefixed "RESULT " for scripts.</summary>
internal static class Report
{
    public static void Print(string title, IReadOnlyList<(string Name, object Value)> rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"  {name.PadRight(width)}  {Format(value)}");
        }

        var json = rows.ToDictionary(r => r.Name, r => r.Value);
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(json));
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString(d >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
