using CsvHelper;

namespace Vigie.Core.Formats;

/// <summary>How Vigie reads and writes CSV (RFC 4180): comma separated, cells trimmed, line numbers kept for messages.</summary>
public static class CsvText
{
    public static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MaxRecordSize = 1024 * 1024,
    };

    /// <summary>The header's column names, trimmed and lower-cased (columns are matched case-insensitively).</summary>
    public static string[] Columns(CsvReader csv) => csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();

    /// <summary>The current record's value in a named column, trimmed; null when the column is absent or the cell blank.</summary>
    public static string? Cell(CsvReader csv, string[] columns, string name)
    {
        var i = Array.IndexOf(columns, name);
        var value = i >= 0 && i < csv.FieldCount ? csv.GetString(i) : null;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static readonly CsvWriterOptions WriterOptions = new()
    {
        NewLine = "\n",
        TrueValue = "true",
        FalseValue = "false",
    };
}
