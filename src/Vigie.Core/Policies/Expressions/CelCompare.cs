namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// CEL equality and ordering (CEL spec, "Equality" and "Ordering"): numbers compare by value
/// across int, uint and double; other kinds compare only with their own kind. Equality between
/// different kinds is false, not an error; ordering between them is an error.
/// </summary>
internal static class CelCompare
{
    public static bool Equal(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (bool x, bool y):
                return x == y;
            case (string x, string y):
                return string.Equals(x, y, StringComparison.Ordinal);
            case (object?[] x, object?[] y):
                return x.Length == y.Length && x.Zip(y).All(p => Equal(p.First, p.Second));
            case (Dictionary<string, object?> x, Dictionary<string, object?> y):
                return x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && Equal(p.Value, v));
            case (DateTimeOffset x, DateTimeOffset y):
                return x == y;
            case (TimeSpan x, TimeSpan y):
                return x == y;
            case (CelTypeValue x, CelTypeValue y):
                return x.Name == y.Name;
        }

        return IsNumber(a) && IsNumber(b) && NumberOrder(a, b) == 0;
    }

    /// <summary>
    /// -1, 0 or 1; null when unordered (a NaN: every ordering comparison with it is false, as in
    /// IEEE 754); <see cref="CelEvalException"/> when the two kinds have no ordering.
    /// </summary>
    public static int? Order(object? a, object? b, string op)
    {
        switch (a, b)
        {
            case (string x, string y):
                return Math.Sign(CodePointCompare(x, y));
            case (bool x, bool y):
                return x.CompareTo(y);
            case (DateTimeOffset x, DateTimeOffset y):
                return x.CompareTo(y);
            case (TimeSpan x, TimeSpan y):
                return x.CompareTo(y);
        }

        if (IsNumber(a) && IsNumber(b))
        {
            var order = NumberOrder(a!, b!);
            return order == 2 ? null : order;
        }

        throw new CelEvalException($"no such overload: {CelTypeValue.Of(a)} {op} {CelTypeValue.Of(b)}");
    }

    public static bool IsNumber(object? value) => value is long or ulong or double;

    /// <summary>Ordering of two numbers of any CEL numeric types (int and uint exactly); 2 when either is NaN.</summary>
    private static int NumberOrder(object a, object b)
    {
        switch (a, b)
        {
            case (long x, long y):
                return x.CompareTo(y);
            case (ulong x, ulong y):
                return x.CompareTo(y);
            case (long x, ulong y):
                return x < 0 ? -1 : ((ulong)x).CompareTo(y);
            case (ulong x, long y):
                return y < 0 ? 1 : x.CompareTo((ulong)y);
        }

        if (a is double.NaN || b is double.NaN)
        {
            return 2;
        }

        // The conformance suite (comparisons.textproto, "lossy" cases) compares an integer with a
        // double after converting the integer to double, rounding included.
        return ToDouble(a).CompareTo(ToDouble(b));
    }

    private static double ToDouble(object n) => n switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        _ => throw new InvalidOperationException("Not a number."),
    };

    private static int CodePointCompare(string x, string y)
    {
        // Ordinal UTF-16 order differs from code-point order for surrogate pairs against U+E000..U+FFFF.
        var i = 0;
        var j = 0;
        while (i < x.Length && j < y.Length)
        {
            var cx = CodePointAt(x, i);
            var cy = CodePointAt(y, j);
            if (cx != cy)
            {
                return cx.CompareTo(cy);
            }

            i += cx > 0xFFFF ? 2 : 1;
            j += cy > 0xFFFF ? 2 : 1;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }

    private static int CodePointAt(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]) ? char.ConvertToUtf32(s[index], s[index + 1]) : s[index];
}
