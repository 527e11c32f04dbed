using System.Globalization;

namespace Vigie.Server.Ledger;

/// <summary>Times as stored and shown: UTC, RFC 3339, millisecond precision (as in envelopes).</summary>
public static class LedgerTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
