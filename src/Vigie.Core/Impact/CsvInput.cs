using System.Globalization;
using CsvHelper;

namespace Vigie.Core.Impact;

/// <summary>How impact CSV files are opened: a header row, trimmed fields, and a row with the wrong number of fields or a broken quote is an error, not a guess.</summary>
internal static class CsvInput
{
    public static CsvReader Open(TextReader text) => CsvReader.Create(text, new CsvReaderOptions
    {
        HasHeader = true,
        TrimWhitespace = true,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
    }, leaveOpen: false);

    public static string Text(CsvReader csv, string column) => csv.GetString(column) ?? "";

    public static double Number(CsvReader csv, string column) =>
        double.TryParse(Text(csv, column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new InvalidDataException($"{column} must be a number; got '{Text(csv, column)}'.");

    public static double? OptionalNumber(CsvReader csv, string column) =>
        string.IsNullOrWhiteSpace(Text(csv, column)) ? null : Number(csv, column);

    public static int Integer(CsvReader csv, string column) =>
        int.TryParse(Text(csv, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{column} must be a whole number; got '{Text(csv, column)}'.");
}
