using System.Globalization;
using CsvHelper;

namespace Vigie.Core.Formats.Evaluations;

/// <summary>
/// Vigie's documented CSV of evaluation results (docs/user-guide.md, "Evaluation CSV"): a
/// header row, then one metric per row. Required columns: <c>task</c>, <c>metric</c>,
/// <c>value</c>. Optional: <c>variant</c>, <c>stderr</c>, <c>samples</c>,
/// <c>higher_is_better</c>, and run-wide <c>model</c>, <c>harness</c>, <c>harness_version</c>,
/// <c>started_at</c>, <c>completed_at</c> (the first non-empty value wins). Column names are
/// case-insensitive; unknown columns are kept out with a warning; RFC 4180 quoting, a byte-order
/// mark and CRLF line ends are all accepted.
/// </summary>
public static class EvaluationCsv
{
    public static readonly IReadOnlyList<string> Required = ["task", "metric", "value"];

    public static readonly IReadOnlyList<string> Optional =
        ["variant", "stderr", "samples", "higher_is_better", "model", "harness", "harness_version", "started_at", "completed_at"];

    public static EvaluationImport Read(string text, string what)
    {
        using var csv = CsvReader.FromText(text, CsvText.Options);
        csv.ReadHeader();
        if (csv.Headers is not { Count: > 0 } header)
        {
            return EvaluationImport.Failed($"{what} is not an evaluation CSV: it is empty (the first line must name the columns: task,metric,value,...).");
        }

        var columns = CsvText.Columns(csv);
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Length)
        {
            return EvaluationImport.Failed($"{what}: the header names a column twice ({string.Join(",", header.Take(12))}).");
        }

        var missing = Required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return EvaluationImport.Failed(
                $"{what} is not an evaluation CSV: its header lacks the column(s) {string.Join(", ", missing)} (the header is: {string.Join(",", header.Take(12))}).");
        }

        var warnings = new List<string>();
        var unknown = columns.Where(c => !Required.Contains(c) && !Optional.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            warnings.Add($"Column(s) {string.Join(", ", unknown)} are not part of the evaluation CSV; they were not read.");
        }

        var metrics = new List<MetricResult>();
        var run = new Dictionary<string, string>(StringComparer.Ordinal);
        var tasks = new List<string>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            string? Cell(string name) => CsvText.Cell(csv, columns, name);

            var task = Cell("task");
            var metric = Cell("metric");
            if (task is null || metric is null)
            {
                return EvaluationImport.Failed($"{what}, line {line}: 'task' and 'metric' cannot be empty.");
            }

            if (!TryNumber(Cell("value"), out var value) || value is null)
            {
                return EvaluationImport.Failed($"{what}, line {line}: 'value' must be a number, such as 0.42; it is '{Cell("value")}'.");
            }

            if (!TryNumber(Cell("stderr"), out var stderr) || stderr < 0)
            {
                return EvaluationImport.Failed($"{what}, line {line}: 'stderr' must be a non-negative number or empty.");
            }

            long? samples = null;
            if (Cell("samples") is { } s)
            {
                if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return EvaluationImport.Failed($"{what}, line {line}: 'samples' must be a whole number or empty; it is '{s}'.");
                }

                samples = n;
            }

            var better = Cell("higher_is_better")?.ToLowerInvariant();
            if (better is not (null or "true" or "yes" or "1" or "false" or "no" or "0"))
            {
                return EvaluationImport.Failed($"{what}, line {line}: 'higher_is_better' must be true or false (or empty); it is '{better}'.");
            }

            bool? higher = better is null ? null : better is "true" or "yes" or "1";
            foreach (var key in new[] { "model", "harness", "harness_version", "started_at", "completed_at" })
            {
                if (Cell(key) is { } v && !run.ContainsKey(key))
                {
                    run[key] = v;
                }
            }

            if (metrics.Count >= EvaluationFormats.MaxMetrics)
            {
                return EvaluationImport.Failed($"{what} has more than {EvaluationFormats.MaxMetrics} rows; split it.");
            }

            task = JsonRead.Name(task);
            if (!tasks.Contains(task, StringComparer.Ordinal))
            {
                tasks.Add(task);
            }

            metrics.Add(new MetricResult(task, JsonRead.Name(metric), Cell("variant") is { } variant ? JsonRead.Name(variant) : null,
                value.Value, stderr, samples, higher));
        }

        if (metrics.Count == 0)
        {
            return EvaluationImport.Failed($"{what} has a header but no rows of results.");
        }

        return new EvaluationImport(new EvaluationRun(
            EvaluationFormats.Csv, null, run.GetValueOrDefault("model"), run.GetValueOrDefault("harness"), run.GetValueOrDefault("harness_version"),
            null, Time(run.GetValueOrDefault("started_at")), Time(run.GetValueOrDefault("completed_at")), null, tasks, metrics, warnings), null);
    }

    private static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            value = d;
            return true;
        }

        return false;
    }

    private static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;
}
