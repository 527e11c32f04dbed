using System.Globalization;
using CsvHelper;

namespace Vigie.Core.Impact;

/// <summary>
/// Reads disaggregated results from CSV (RFC 4180, UTF-8 with or without BOM, CRLF or LF):
/// either one row per sample (group column(s), label, prediction, optional weight; labels and
/// predictions 1/0, true/false or yes/no) or one row per group with confusion counts
/// (group, tp, fp, tn, fn).
/// </summary>
public static class FairnessCsv
{
    private static readonly string[] CountColumns = ["tp", "fp", "tn", "fn"];

    public static FairnessCsvResult Read(TextReader text, FairnessCsvOptions options)
    {
        if (options.GroupColumns.Count == 0)
        {
            return Fail("Name at least one group column (--group COLUMN).");
        }

        using var csv = CsvInput.Open(text);
        try
        {
            if (csv.Headers is not { Count: > 0 } header)
            {
                return Fail("The file is empty: it needs a header row and data rows.");
            }

            var counts = CountColumns.All(c => header.Contains(c, StringComparer.OrdinalIgnoreCase));
            var needed = options.GroupColumns.Concat(counts ? CountColumns : [options.LabelColumn, options.PredictionColumn])
                .Concat(options.WeightColumn is null || counts ? [] : [options.WeightColumn]);
            var missing = needed.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                return Fail($"The file has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; its columns are: {string.Join(", ", header)}.");
            }

            var index = header.Select((h, i) => (h, i)).GroupBy(p => p.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
            var groups = new Dictionary<string, GroupCounts>(StringComparer.Ordinal);
            long rows = 0;
            while (csv.Read())
            {
                rows++;
                var line = csv.LineNumber;
                var name = string.Join(FairnessCsvOptions.Joiner, options.GroupColumns.Select(c => csv.GetString(index[c]) ?? ""));
                if (options.GroupColumns.Any(c => string.IsNullOrEmpty(csv.GetString(index[c]))))
                {
                    return Fail($"Line {line}: the group value is empty.");
                }

                if (!groups.TryGetValue(name, out var current))
                {
                    if (groups.Count == FairnessCsvOptions.MaxGroups)
                    {
                        return Fail($"Line {line}: more than {FairnessCsvOptions.MaxGroups} groups; is the group column right?");
                    }

                    current = new GroupCounts(name, 0, 0, 0, 0, 0);
                }

                if (counts)
                {
                    double[] values = new double[4];
                    for (var i = 0; i < 4; i++)
                    {
                        if (!TryCount(csv.GetString(index[CountColumns[i]]), out values[i]))
                        {
                            return Fail($"Line {line}: {CountColumns[i]} must be a number ≥ 0; got '{csv.GetString(index[CountColumns[i]])}'.");
                        }
                    }

                    groups[name] = current with
                    {
                        Samples = current.Samples + (long)Math.Round(values.Sum()),
                        TruePositives = current.TruePositives + values[0],
                        FalsePositives = current.FalsePositives + values[1],
                        TrueNegatives = current.TrueNegatives + values[2],
                        FalseNegatives = current.FalseNegatives + values[3],
                    };
                    continue;
                }

                if (!TryBinary(csv.GetString(index[options.LabelColumn]), out var label))
                {
                    return Fail($"Line {line}: {options.LabelColumn} must be 1/0, true/false or yes/no; got '{csv.GetString(index[options.LabelColumn])}'.");
                }

                if (!TryBinary(csv.GetString(index[options.PredictionColumn]), out var prediction))
                {
                    return Fail($"Line {line}: {options.PredictionColumn} must be 1/0, true/false or yes/no; got '{csv.GetString(index[options.PredictionColumn])}'.");
                }

                var weight = 1.0;
                if (options.WeightColumn is not null && !TryCount(csv.GetString(index[options.WeightColumn]), out weight))
                {
                    return Fail($"Line {line}: {options.WeightColumn} must be a number ≥ 0; got '{csv.GetString(index[options.WeightColumn])}'.");
                }

                groups[name] = current.Add(label, prediction, weight);
            }

            return rows == 0 ? Fail("The file has a header but no data rows.") : new FairnessCsvResult([.. groups.Values], rows, counts, null);
        }
        catch (FormatException e)
        {
            return Fail($"The CSV cannot be read: {e.Message} Every row must have the header's number of columns, and quotes must close.");
        }
    }

    private static FairnessCsvResult Fail(string error) => new(null, 0, false, error);

    private static bool TryBinary(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "1" or "true" or "yes" or "1.0":
                value = true;
                return true;
            case "0" or "false" or "no" or "0.0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryCount(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0;
}
