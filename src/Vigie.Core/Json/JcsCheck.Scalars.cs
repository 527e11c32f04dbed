using System.Globalization;
using System.Text;

namespace Vigie.Core.Json;

/// <summary>The scalars of <see cref="JcsCheck"/>: strings, literals, numbers and the order of member names.</summary>
internal static partial class JcsCheck
{
    /// <summary>
    /// A string exactly as RFC 8785 §3.2.2.2 writes it: raw UTF-8 except '"' and '\' (written \" and
    /// \\) and U+0000..U+001F, written \b \t \n \f \r where those exist and \u00xx (lowercase) otherwise.
    /// </summary>
    private static bool String(ReadOnlySpan<byte> s, ref int i, out bool escaped)
    {
        escaped = false;
        i++;
        while (true)
        {
            var run = s[i..].IndexOfAny(StringStops);
            if (run < 0)
            {
                return false;
            }

            i += run;
            if (s[i] == (byte)'"')
            {
                i++;
                return true;
            }

            if (s[i] != (byte)'\\' || i + 1 >= s.Length)
            {
                return false; // a raw control character is not JSON
            }

            escaped = true;
            switch (s[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'t' or (byte)'n' or (byte)'f' or (byte)'r':
                    i += 2;
                    break;
                case (byte)'u' when i + 5 < s.Length && IsControlEscape(s.Slice(i + 2, 4)):
                    i += 6;
                    break;
                default:
                    return false; // \/ and every other \uXXXX have a shorter canonical spelling
            }
        }
    }

    /// <summary>"00xx": a control character without a short escape, in lowercase hex.</summary>
    private static bool IsControlEscape(ReadOnlySpan<byte> hex)
    {
        if (hex[0] != (byte)'0' || hex[1] != (byte)'0' || hex[2] is not ((byte)'0' or (byte)'1'))
        {
            return false;
        }

        var low = hex[3] switch
        {
            >= (byte)'0' and <= (byte)'9' => hex[3] - '0',
            >= (byte)'a' and <= (byte)'f' => hex[3] - 'a' + 10,
            _ => -1,
        };
        var value = ((hex[2] - '0') << 4) | low;
        return low >= 0 && value is not (0x08 or 0x09 or 0x0A or 0x0C or 0x0D);
    }

    private static bool Literal(ReadOnlySpan<byte> s, ref int i, ReadOnlySpan<byte> literal)
    {
        if (!s[i..].StartsWith(literal))
        {
            return false;
        }

        i += literal.Length;
        return true;
    }

    /// <summary>A number is canonical when it is what ECMAScript prints for its value (RFC 8785 §3.2.2.3).</summary>
    private static bool Number(ReadOnlySpan<byte> s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E')
        {
            i++;
        }

        var literal = s[start..i];
        if (IsCanonicalInteger(literal))
        {
            return true;
        }

        // Anything else must read back as a finite double whose ECMAScript text is these very
        // bytes; that text is always a well-formed JSON number, so the grammar needs no check.
        return literal.Length <= MaxNumberLength
            && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            && Ascii.Equals(literal, EcmaNumber.Format(value));
    }

    /// <summary>
    /// An integer of 1 to 15 digits without a leading zero ("0" itself, not "-0"): every such integer
    /// is an exact double and ECMAScript prints it digit for digit, as the full parser also assumes.
    /// </summary>
    private static bool IsCanonicalInteger(ReadOnlySpan<byte> literal)
    {
        var digits = literal.Length > 0 && literal[0] == (byte)'-' ? literal[1..] : literal;
        if (digits.Length is 0 or > 15 || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        return digits[0] != (byte)'0' || (digits.Length == 1 && literal.Length == 1);
    }

    /// <summary>
    /// Whether <paramref name="previous"/> sorts strictly before <paramref name="next"/> by UTF-16 code
    /// units (RFC 8785 §3.2.3). Without escapes, the bytes decide: UTF-8 byte order is code point
    /// order, which is UTF-16 order except between U+E000..U+FFFF and the characters above U+FFFF,
    /// so only a first difference at a lead byte of one of those (0xEE and up) needs the decoded text.
    /// </summary>
    private static bool InOrder(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> next, bool escaped)
    {
        if (!escaped)
        {
            var common = previous.CommonPrefixLength(next);
            if (common == previous.Length || common == next.Length)
            {
                return previous.Length < next.Length;
            }

            if (previous[common] < 0xEE && next[common] < 0xEE)
            {
                return previous[common] < next[common];
            }
        }

        // An escape's bytes do not sort as its character: such names are compared as the parser does.
        return string.CompareOrdinal(Decode(previous), Decode(next)) < 0;
    }

    /// <summary>The text of a name already checked to be a canonical string (so every escape is one of the canonical ones).</summary>
    private static string Decode(ReadOnlySpan<byte> name)
    {
        if (name.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(name);
        }

        var bytes = new byte[name.Length];
        var length = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != (byte)'\\')
            {
                bytes[length++] = name[i];
                continue;
            }

            // Every canonical escape stands for one ASCII character.
            bytes[length++] = name[i + 1] switch
            {
                (byte)'b' => 0x08,
                (byte)'t' => 0x09,
                (byte)'n' => 0x0A,
                (byte)'f' => 0x0C,
                (byte)'r' => 0x0D,
                (byte)'u' => (byte)((HexValue(name[i + 4]) << 4) | HexValue(name[i + 5])),
                var other => other, // '"' and '\\'
            };
            i += name[i + 1] == (byte)'u' ? 5 : 1;
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static int HexValue(byte digit) => digit <= (byte)'9' ? digit - '0' : digit - 'a' + 10;
}
