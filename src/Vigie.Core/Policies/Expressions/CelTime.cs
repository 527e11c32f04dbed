using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// Timestamps and durations (CEL spec, "Timestamp and Duration"): <c>timestamp()</c> reads RFC
/// 3339 text, <c>duration()</c> reads a sequence of decimal numbers with units h, m, s, ms, us,
/// ns (e.g. "1h30m", "-1.5s"); the accessor functions are in UTC unless given a time zone.
/// </summary>
internal static partial class CelTime
{
    public static DateTimeOffset Timestamp(object? text)
    {
        if (text is DateTimeOffset already)
        {
            return already;
        }

        if (text is string s && Rfc3339().IsMatch(s))
        {
            // .NET reads at most 7 fraction digits (100 ns); CEL allows 9: the extra digits are dropped.
            var dot = s.IndexOf('.', StringComparison.Ordinal);
            var end = dot < 0 ? -1 : s.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9') + dot + 1;
            var normalized = (dot >= 0 && end - dot - 1 > 7 ? s.Remove(dot + 8, end - dot - 8) : s).ToUpperInvariant();
            if (DateTimeOffset.TryParseExact(normalized, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }
        }

        throw new CelEvalException($"timestamp() needs RFC 3339 text such as '2026-01-31T12:00:00Z'; got {Describe(text)}");
    }

    public static TimeSpan Duration(object? text)
    {
        if (text is TimeSpan already)
        {
            return already;
        }

        if (text is not string s || !DurationPattern().IsMatch(s))
        {
            throw new CelEvalException($"duration() needs text such as '1h30m' or '1.5s' (units h, m, s, ms, us, ns); got {Describe(text)}");
        }

        var negative = s.StartsWith('-');
        var total = 0m;
        foreach (Match part in DurationPart().Matches(s))
        {
            var amount = decimal.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => amount * 3600m,
                "m" => amount * 60m,
                "s" => amount,
                "ms" => amount / 1_000m,
                "us" or "µs" => amount / 1_000_000m,
                _ => amount / 1_000_000_000m,
            };
        }

        // TimeSpan ticks are 100 ns: finer fractions are rounded.
        return Checked(() => TimeSpan.FromTicks((long)Math.Round((negative ? -total : total) * TimeSpan.TicksPerSecond)));
    }

    /// <summary>string(timestamp): RFC 3339 in UTC with as many fraction digits as needed.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>string(duration): seconds with a fraction as needed and an 's', e.g. "3600s", "1.5s".</summary>
    public static string Format(TimeSpan duration) =>
        (duration.Ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture) + "s";

    public static object Get(DateTimeOffset time, string accessor, object?[] args)
    {
        var local = args.Length == 0 ? time.UtcDateTime : Zone(args[0], time);
        return accessor switch
        {
            "getFullYear" => (long)local.Year,
            "getMonth" => (long)local.Month - 1,
            "getDate" => (long)local.Day,
            "getDayOfMonth" => (long)local.Day - 1,
            "getDayOfWeek" => (long)local.DayOfWeek,
            "getDayOfYear" => (long)local.DayOfYear - 1,
            "getHours" => (long)local.Hour,
            "getMinutes" => (long)local.Minute,
            "getSeconds" => (long)local.Second,
            "getMilliseconds" => (long)local.Millisecond,
            _ => throw new CelEvalException($"no such overload: timestamp.{accessor}()"),
        };
    }

    public static object Get(TimeSpan duration, string accessor) => accessor switch
    {
        "getHours" => (long)Math.Truncate(duration.TotalHours),
        "getMinutes" => (long)Math.Truncate(duration.TotalMinutes),
        "getSeconds" => (long)Math.Truncate(duration.TotalSeconds),
        "getMilliseconds" => (long)duration.Milliseconds,
        _ => throw new CelEvalException($"no such overload: duration.{accessor}()"),
    };

    public static T Checked<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CelEvalException("timestamp or duration out of range");
        }
        catch (OverflowException)
        {
            throw new CelEvalException("timestamp or duration out of range");
        }
    }

    private static DateTime Zone(object? zone, DateTimeOffset time)
    {
        if (zone is not string name)
        {
            throw new CelEvalException($"a time zone is a text such as 'UTC', 'Europe/Paris' or '+02:00'; got {Describe(zone)}");
        }

        if (OffsetPattern().Match(name) is { Success: true } offset)
        {
            var span = new TimeSpan(int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(offset.Groups[3].Value, CultureInfo.InvariantCulture), 0);
            return time.ToOffset(offset.Groups[1].Value == "-" ? -span : span).DateTime;
        }

        try
        {
            return TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById(name)).DateTime;
        }
        catch (TimeZoneNotFoundException)
        {
            throw new CelEvalException($"unknown time zone '{name}'");
        }
        catch (InvalidTimeZoneException)
        {
            throw new CelEvalException($"unknown time zone '{name}'");
        }
    }

    private static string Describe(object? value) => value is string s ? $"'{s}'" : CelTypeValue.Of(value).Name;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^-?((\d+(\.\d*)?|\.\d+)(h|m|s|ms|us|µs|ns))+$|^-?0$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^([+-])(\d{2}):(\d{2})$")]
    private static partial Regex OffsetPattern();
}
