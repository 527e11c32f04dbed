using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Vigie.Core.Json;

/// <summary>
/// Decides in one forward pass, without building anything, whether UTF-8 bytes are already the
/// RFC 8785 canonical form of an I-JSON value. A verifier reads entries that are stored canonical,
/// so canonicalizing each one again only to compare it with itself is wasted work.
/// <para>
/// This is a shortcut, never a verdict of its own: <c>true</c> means <see cref="JcsParser"/> would
/// accept the input and return exactly the same bytes; <c>false</c> means only "not shown here",
/// and the caller runs the full canonicalizer, which decides and says why. Inputs the shortcut does
/// not try to judge answer <c>false</c>: nesting near <see cref="JcsParser.MaxDepth"/>.
/// </para>
/// </summary>
internal static class JcsCheck
{
    /// <summary>Deeper nesting is left to the full parser, whose reader enforces the exact limit.</summary>
    private const int MaxDepth = JcsParser.MaxDepth - 1;

    /// <summary>Canonical numbers are short ("-2.2250738585072014e-308" is 24 bytes).</summary>
    private const int MaxNumberLength = 32;

    /// <summary>Bytes that end a run of plain string content: '"', '\' and the controls JSON forbids raw.</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    /// <summary>A member of the top-level object: byte offsets of its quoted name and of its value.</summary>
    internal readonly record struct Member(int NameStart, int NameLength, int ValueStart, int ValueLength);

    public static bool IsCanonical(ReadOnlySpan<byte> json) => IsCanonical(json, [], out _);

    /// <summary>
    /// As <see cref="IsCanonical(ReadOnlySpan{byte})"/>; when the value is an object, also records its
    /// first <c>members.Length</c> members, and <paramref name="memberCount"/> says how many it has.
    /// </summary>
    public static bool IsCanonical(ReadOnlySpan<byte> json, Span<Member> members, out int memberCount)
    {
        memberCount = 0;

        // The full parser checks UTF-8 up front too; after this every string slice is valid UTF-8,
        // so it holds no surrogate code point, and the only way to a lone surrogate is an escape,
        // which is never canonical (only controls below U+0020 are written as \u00xx).
        if (json.IsEmpty || !Utf8.IsValid(json))
        {
            return false;
        }

        var i = 0;
        var ok = json[0] == (byte)'{'
            ? Object(json, ref i, 1, members, out memberCount)
            : Value(json, ref i, 0);
        return ok && i == json.Length;
    }

    private static bool Value(ReadOnlySpan<byte> s, ref int i, int depth)
    {
        if (i >= s.Length)
        {
            return false;
        }

        switch (s[i])
        {
            case (byte)'{':
                return Object(s, ref i, depth + 1, [], out _);
            case (byte)'[':
                return Array(s, ref i, depth + 1);
            case (byte)'"':
                return String(s, ref i, out _);
            case (byte)'t':
                return Literal(s, ref i, "true"u8);
            case (byte)'f':
                return Literal(s, ref i, "false"u8);
            case (byte)'n':
                return Literal(s, ref i, "null"u8);
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                return Number(s, ref i);
            default:
                return false; // whitespace included: canonical JSON has none
        }
    }

    private static bool Object(ReadOnlySpan<byte> s, ref int i, int depth, Span<Member> members, out int count)
    {
        count = 0;
        if (depth > MaxDepth)
        {
            return false;
        }

        i++;
        if (i < s.Length && s[i] == (byte)'}')
        {
            i++;
            return true;
        }

        int previousStart = -1, previousLength = 0;
        var previousEscaped = false;
        while (true)
        {
            var nameStart = i;
            if (i >= s.Length || s[i] != (byte)'"' || !String(s, ref i, out var escaped))
            {
                return false;
            }

            // RFC 8785 §3.2.3: members sorted by name; strictly increasing also means no duplicate
            // (a canonical string has one spelling, so equal names would be equal bytes).
            var nameLength = i - nameStart;
            if (previousStart >= 0 && !InOrder(s.Slice(previousStart + 1, previousLength - 2), s.Slice(nameStart + 1, nameLength - 2), previousEscaped || escaped))
            {
                return false;
            }

            (previousStart, previousLength, previousEscaped) = (nameStart, nameLength, escaped);
            if (i >= s.Length || s[i] != (byte)':')
            {
                return false;
            }

            i++;
            var valueStart = i;
            if (!Value(s, ref i, depth))
            {
                return false;
            }

            if (count < members.Length)
            {
                members[count] = new Member(nameStart, nameLength, valueStart, i - valueStart);
            }

            count++;
            if (i >= s.Length)
            {
                return false;
            }

            if (s[i] == (byte)'}')
            {
                i++;
                return true;
            }

            if (s[i] != (byte)',')
            {
                return false;
            }

            i++;
        }
    }

    private static bool Array(ReadOnlySpan<byte> s, ref int i, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        i++;
        if (i < s.Length && s[i] == (byte)']')
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!Value(s, ref i, depth) || i >= s.Length)
            {
                return false;
            }

            if (s[i] == (byte)']')
            {
                i++;
                return true;
            }

            if (s[i] != (byte)',')
            {
                return false;
            }

            i++;
        }
    }

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
