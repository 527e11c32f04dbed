namespace Vigie.Core.Ledger;

/// <summary>Times as entries record them and people see them: UTC, RFC 3339, milliseconds.</summary>
public static class LedgerTime
{
    public static string Format(DateTimeOffset time) => EnvelopeFormat.FormatTime(time);

    /// <summary>Parses exactly the form <see cref="Format"/> writes, so a text that parses is the one spelling of its instant.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is not null && EnvelopeFormat.TryParseTimeExact(text, out time);
    }
}
