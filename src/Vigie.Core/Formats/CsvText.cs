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

    public static readonly CsvWriterOptions WriterOptions = new()
    {
        NewLine = "\n",
        TrueValue = "true",
        FalseValue = "false",
    };
}
