using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// The CEL standard functions rules may call (CEL spec, "List of Standard Definitions"), resolved
/// by name and argument count when a rule is compiled, so an unknown function is an error at load
/// in every branch. Dispatch on argument types happens at run time, as in CEL.
/// </summary>
internal static class CelFunctions
{
    public delegate object? Function(object? target, object?[] args);

    private static readonly string[] TimeAccessors =
    [
        "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds",
    ];

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public const string GlobalNames = "size, int, uint, double, string, bool, type, dyn, timestamp, duration, matches";

    public const string MemberNames = "size, contains, startsWith, endsWith, matches, getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear, getHours, getMinutes, getSeconds, getMilliseconds";

    /// <summary>A global function f(args...), or null when there is none with that many arguments.</summary>
    public static Function? Global(string name, int arity) => (name, arity) switch
    {
        ("size", 1) => (_, a) => Size(a[0]),
        ("int", 1) => (_, a) => ToInt(a[0]),
        ("uint", 1) => (_, a) => ToUint(a[0]),
        ("double", 1) => (_, a) => ToDouble(a[0]),
        ("string", 1) => (_, a) => ToText(a[0]),
        ("bool", 1) => (_, a) => ToBool(a[0]),
        ("type", 1) => (_, a) => CelTypeValue.Of(a[0]),
        ("dyn", 1) => (_, a) => a[0],
        ("timestamp", 1) => (_, a) => CelTime.Timestamp(a[0]),
        ("duration", 1) => (_, a) => CelTime.Duration(a[0]),
        ("matches", 2) => (_, a) => Matches(a[0], a[1]),
        _ => null,
    };

    /// <summary>A receiver-style function x.f(args...), or null when there is none with that many arguments.</summary>
    public static Function? Member(string name, int arity) => (name, arity) switch
    {
        ("size", 0) => (t, _) => Size(t),
        ("contains", 1) => (t, a) => Strings(t, a[0], "contains", (s, x) => s.Contains(x, StringComparison.Ordinal)),
        ("startsWith", 1) => (t, a) => Strings(t, a[0], "startsWith", (s, x) => s.StartsWith(x, StringComparison.Ordinal)),
        ("endsWith", 1) => (t, a) => Strings(t, a[0], "endsWith", (s, x) => s.EndsWith(x, StringComparison.Ordinal)),
        ("matches", 1) => (t, a) => Matches(t, a[0]),
        _ when arity <= 1 && TimeAccessors.Contains(name) => (t, a) => t switch
        {
            DateTimeOffset time => CelTime.Get(time, name, a),
            TimeSpan duration when a.Length == 0 => CelTime.Get(duration, name),
            _ => throw new CelEvalException($"no such overload: {CelTypeValue.Of(t)}.{name}()"),
        },
        _ => null,
    };

    private static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().LongCount(),
        object?[] list => list.Length,
        Dictionary<string, object?> map => map.Count,
        _ => throw new CelEvalException($"no such overload: size({CelTypeValue.Of(value)})"),
    };

    private static bool Strings(object? target, object? arg, string name, Func<string, string, bool> test) =>
        target is string s && arg is string x ? test(s, x) : throw new CelEvalException($"no such overload: {CelTypeValue.Of(target)}.{name}({CelTypeValue.Of(arg)})");

    private static bool Matches(object? text, object? pattern)
    {
        if (text is not string s || pattern is not string p)
        {
            throw new CelEvalException($"no such overload: matches({CelTypeValue.Of(text)}, {CelTypeValue.Of(pattern)})");
        }

        try
        {
            // CEL patterns are RE2; .NET's engine reads the common subset alike. A time limit keeps a
            // pathological pattern from stalling the gate.
            // Patterns normally come from the policy text; one read from a dossier value is not kept
            // once the cache is full, so dossiers cannot grow it without bound.
            if (!Patterns.TryGetValue(p, out var regex))
            {
                regex = new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                if (Patterns.Count < 1000)
                {
                    Patterns.TryAdd(p, regex);
                }
            }

            return regex.IsMatch(s);
        }
        catch (ArgumentException e)
        {
            throw new CelEvalException($"invalid regular expression '{p}': {e.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            throw new CelEvalException($"the regular expression '{p}' took too long");
        }
    }

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        ulong u => u <= long.MaxValue ? (long)u : throw Range("int", value),
        double d => d is >= -9.2233720368547758e18 and < 9.2233720368547758e18 ? (long)Math.Truncate(d) : throw Range("int", value),
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : throw Parse("int", s),
        DateTimeOffset t => t.ToUnixTimeSeconds(),
        _ => throw new CelEvalException($"no such overload: int({CelTypeValue.Of(value)})"),
    };

    private static ulong ToUint(object? value) => value switch
    {
        ulong u => u,
        long l => l >= 0 ? (ulong)l : throw Range("uint", value),
        double d => d is >= 0 and < 1.8446744073709552e19 ? (ulong)Math.Truncate(d) : throw Range("uint", value),
        string s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : throw Parse("uint", s),
        _ => throw new CelEvalException($"no such overload: uint({CelTypeValue.Of(value)})"),
    };

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Parse("double", s),
        _ => throw new CelEvalException($"no such overload: double({CelTypeValue.Of(value)})"),
    };

    private static string ToText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
        DateTimeOffset t => CelTime.Format(t),
        TimeSpan t => CelTime.Format(t),
        _ => throw new CelEvalException($"no such overload: string({CelTypeValue.Of(value)})"),
    };

    private static bool ToBool(object? value) => value switch
    {
        bool b => b,
        "1" or "t" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "false" or "FALSE" or "False" => false,
        string s => throw Parse("bool", s),
        _ => throw new CelEvalException($"no such overload: bool({CelTypeValue.Of(value)})"),
    };

    private static CelEvalException Range(string type, object? value) => new($"{type}() range error: {ToText(value)} does not fit");

    private static CelEvalException Parse(string type, string text) => new($"{type}() cannot read '{text}'");
}
