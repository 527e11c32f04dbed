using System.Globalization;
using Vigie.Core.Concerns;
using Vigie.Core.Ledger;

namespace Vigie.Server.Features.Incidents;

/// <summary>
/// Reads the times people give: a date (YYYY-MM-DD), read as the start of that day in the
/// organisation's zone — the earliest reading, so a clock never starts later than it may have
/// (IncidentFacts) — or an RFC 3339 time with its offset. Never a time without an offset: its
/// meaning would depend on the server.
/// </summary>
public static class IncidentTimes
{
    /// <summary>How far ahead of the server's clock a time may be (clock skew between machines).</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The instant <paramref name="text"/> names, or why it cannot be read (naming <paramref name="field"/>).</summary>
    public static (DateTimeOffset At, string? Error) Read(string field, string? text, ClockZone zone, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (default, $"{field} is required: a date (2026-04-01) or a time with offset (2026-04-01T09:30:00Z).");
        }

        DateTimeOffset at;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = zone.StartOfDay(date);
        }
        else if (text.Length is >= 20 and <= 40 && (text.Contains('T', StringComparison.Ordinal) || text.Contains('t', StringComparison.Ordinal))
                 && HasOffset(text)
                 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            at = parsed;
        }
        else
        {
            return (default, $"{field} '{Truncate(text)}' is not a date (YYYY-MM-DD) or an RFC 3339 time with offset (2026-04-01T09:30:00Z, 2026-04-01T11:30:00+02:00).");
        }

        if (at < Earliest)
        {
            return (default, $"{field} {Truncate(text)} is before 2000; give the real date.");
        }

        return at > now + Skew
            ? (default, $"{field} {Truncate(text)} is in the future (the server's time is {LedgerTime.Format(now)}).")
            : (at, null);
    }

    /// <summary>Checks an optional date or time that is recorded as given (start and end of the incident).</summary>
    public static string? Check(string field, string? text, ClockZone zone, DateTimeOffset now) =>
        string.IsNullOrEmpty(text) ? null : Read(field, text, zone, now).Error;

    /// <summary>RFC 3339 text of an instant, UTC with milliseconds, as the log writes times.</summary>
    public static string Format(DateTimeOffset at) => LedgerTime.Format(at);

    /// <summary>Reads back a time this feature wrote with <see cref="Format"/>.</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^3] == ':' && text[^6] is '+' or '-');

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
