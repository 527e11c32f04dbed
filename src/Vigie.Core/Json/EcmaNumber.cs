using System.Globalization;

namespace Vigie.Core.Json;

/// <summary>
/// Serializes an IEEE-754 double the way ECMAScript's Number::toString does, which is what
/// RFC 8785 §3.2.2.3 requires for JSON numbers (ECMA-262 6th ed. §7.1.12.1; §6.1.6.1.20 in
/// later editions).
/// </summary>
internal static class EcmaNumber
{
    /// <summary>Formats a finite double. Non-finite values are a programming error.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "RFC 8785 §3.2.2.3: NaN and Infinity have no JSON form.");
        }

        // Number::toString step 2: both +0 and -0 print as "0".
        if (value == 0)
        {
            return "0";
        }

        // .NET Core 3.0+ "R" yields the shortest digit string that round-trips, choosing the
        // closest (and, on a tie, even) candidate. That is exactly the digit selection of
        // Number::toString step 5 (k as small as possible, then closest to the value); only the
        // layout differs, so we take the digits and exponent from it and lay them out ourselves.
        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var text = Layout(digits, pointPosition);
        return value < 0 ? "-" + text : text;
    }

    /// <summary>
    /// Returns the significant digits s (no leading or trailing zeros) and n such that
    /// |value| = 0.s × 10^n, the notation of Number::toString step 5.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(double magnitude)
    {
        var r = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.');
        var integerDigits = dot >= 0 ? dot : r.Length;
        var all = dot >= 0 ? string.Concat(r.AsSpan(0, dot), r.AsSpan(dot + 1)) : r;

        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits + exponent - leadingZeros);
    }

    /// <summary>Number::toString steps 6-10: choose fixed or exponential notation.</summary>
    private static string Layout(string s, int n)
    {
        var k = s.Length;

        // Step 6: an integer of at most 21 digits is written out in full.
        if (k <= n && n <= 21)
        {
            return s + new string('0', n - k);
        }

        // Step 7: the decimal point falls inside the digits.
        if (0 < n && n <= 21)
        {
            return string.Concat(s.AsSpan(0, n), ".", s.AsSpan(n));
        }

        // Step 8: small numbers down to 1e-6 keep fixed notation with leading zeros.
        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + s;
        }

        // Steps 9-10: exponential notation, exponent always signed.
        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return k == 1
            ? s + "e" + sign + magnitude
            : string.Concat(s.AsSpan(0, 1), ".", s.AsSpan(1)) + "e" + sign + magnitude;
    }
}
