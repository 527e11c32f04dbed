namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// CEL's arithmetic operators (CEL spec, "Arithmetic" and the standard definitions): operands of
/// the same numeric type only (no implicit conversion: <c>2 * 1.5</c> is an error, write
/// <c>2.0 * 1.5</c>); int and uint overflow and division by zero are errors; <c>+</c> also joins
/// strings and lists; timestamps and durations add and subtract as the spec lists.
/// </summary>
internal static class CelArithmetic
{
    public static object Add(object? a, object? b)
    {
        try
        {
            return (a, b) switch
            {
                (long x, long y) => checked(x + y),
                (ulong x, ulong y) => checked(x + y),
                (double x, double y) => x + y,
                (string x, string y) => x + y,
                (object?[] x, object?[] y) => (object?[])[.. x, .. y],
                (DateTimeOffset x, TimeSpan y) => CelTime.Checked(() => x + y),
                (TimeSpan x, DateTimeOffset y) => CelTime.Checked(() => y + x),
                (TimeSpan x, TimeSpan y) => checked(x + y),
                _ => throw NoOverload("+", a, b),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvalException("return error for overflow");
        }
    }

    public static object Subtract(object? a, object? b)
    {
        try
        {
            return (a, b) switch
            {
                (long x, long y) => checked(x - y),
                (ulong x, ulong y) => checked(x - y),
                (double x, double y) => x - y,
                (DateTimeOffset x, TimeSpan y) => CelTime.Checked(() => x - y),
                (DateTimeOffset x, DateTimeOffset y) => checked(x - y),
                (TimeSpan x, TimeSpan y) => checked(x - y),
                _ => throw NoOverload("-", a, b),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvalException("return error for overflow");
        }
    }

    public static object Multiply(object? a, object? b)
    {
        try
        {
            return (a, b) switch
            {
                (long x, long y) => checked(x * y),
                (ulong x, ulong y) => checked(x * y),
                (double x, double y) => x * y,
                _ => throw NoOverload("*", a, b),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvalException("return error for overflow");
        }
    }

    public static object Divide(object? a, object? b) => (a, b) switch
    {
        (long _, 0L) or (ulong _, 0UL) => throw new CelEvalException("division by zero"),
        (long x, long y) => x == long.MinValue && y == -1 ? throw new CelEvalException("return error for overflow") : x / y,
        (ulong x, ulong y) => x / y,
        (double x, double y) => x / y,
        _ => throw NoOverload("/", a, b),
    };

    public static object Modulo(object? a, object? b) => (a, b) switch
    {
        (long _, 0L) or (ulong _, 0UL) => throw new CelEvalException("modulus by zero"),
        (long x, long y) => x == long.MinValue && y == -1 ? throw new CelEvalException("return error for overflow") : x % y,
        (ulong x, ulong y) => x % y,
        _ => throw NoOverload("%", a, b),
    };

    public static object Negate(object? a) => a switch
    {
        long x => x == long.MinValue ? throw new CelEvalException("return error for overflow") : -x,
        double x => -x,
        TimeSpan x => x == TimeSpan.MinValue ? throw new CelEvalException("return error for overflow") : -x,
        _ => throw new CelEvalException($"no such overload: -{CelTypeValue.Of(a)}"),
    };

    public static bool Not(object? a) => a is bool b ? !b : throw new CelEvalException($"no such overload: !{CelTypeValue.Of(a)}");

    public static CelEvalException NoOverload(string op, object? a, object? b) =>
        new($"no such overload: {CelTypeValue.Of(a)} {op} {CelTypeValue.Of(b)}");
}
