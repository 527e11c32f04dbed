namespace Vigie.Core.Ledger;

/// <summary>Times as entries record them and people see them: UTC, RFC 3339, milliseconds.</summary>
public static class LedgerTime
{
    public static string Format(DateTimeOffset time) => EnvelopeFormat.FormatTime(time);
}
