using System.Globalization;
using System.Text;

namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// The values of CEL literals (CEL spec, "Syntax" and "String and bytes values"): decimal and
/// hexadecimal integers, unsigned integers, doubles, and strings with their escapes, raw strings
/// (r'...') and triple-quoted strings. A literal CEL would refuse is a compile error here.
/// </summary>
internal static class CelLiterals
{
    public static long Int(string token, bool negative)
    {
        var hex = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var magnitude = hex
            ? ulong.TryParse(token.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h : ulong.MaxValue
            : ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : ulong.MaxValue;
        if (negative && magnitude <= 9_223_372_036_854_775_808UL)
        {
            return magnitude == 9_223_372_036_854_775_808UL ? long.MinValue : -(long)magnitude;
        }

        return !negative && magnitude <= long.MaxValue ? (long)magnitude : throw new FormatException($"integer literal {(negative ? "-" : "")}{token} is out of range");
    }

    public static ulong Uint(string token)
    {
        var digits = token[..^1];
        var ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new FormatException($"unsigned integer literal {token} is out of range");
    }

    public static double Double(string token, bool negative)
    {
        var value = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    public static string String(string token)
    {
        var raw = token[0] is 'r' or 'R';
        var body = raw ? token[1..] : token;
        var quote = body.StartsWith("'''", StringComparison.Ordinal) || body.StartsWith("\"\"\"", StringComparison.Ordinal) ? 3 : 1;
        var text = body[quote..^quote];
        return raw ? text : Unescape(text);
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                throw new FormatException("a string ends with a lone backslash");
            }

            var c = text[i];
            switch (c)
            {
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'v': result.Append('\v'); break;
                case '\\' or '\'' or '"' or '`' or '?': result.Append(c); break;
                case 'x' or 'X': result.Append(CodePoint(text, ref i, 2, 16)); break;
                case 'u': result.Append(CodePoint(text, ref i, 4, 16)); break;
                case 'U': result.Append(CodePoint(text, ref i, 8, 16)); break;
                case >= '0' and <= '3':
                    i--;
                    result.Append(CodePoint(text, ref i, 3, 8));
                    break;
                default: throw new FormatException($"unknown escape '\\{c}' in a string");
            }
        }

        return result.ToString();
    }

    private static string CodePoint(string text, ref int i, int digits, int radix)
    {
        if (text.Length - i - 1 < digits)
        {
            throw new FormatException("an escape in a string is cut short");
        }

        var span = text.Substring(i + 1, digits);
        var value = 0;
        foreach (var d in span)
        {
            var digit = char.IsAsciiDigit(d) ? d - '0' : char.IsAsciiHexDigit(d) ? char.ToLowerInvariant(d) - 'a' + 10 : radix;
            if (digit >= radix)
            {
                throw new FormatException($"'{span}' is not a valid escape");
            }

            value = (value * radix) + digit;
        }

        i += digits;
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw new FormatException($"escape '{span}' is not a Unicode scalar value");
        }

        return char.ConvertFromUtf32(value);
    }
}
