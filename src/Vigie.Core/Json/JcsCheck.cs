using System.Buffers;
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
internal static partial class JcsCheck
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
}
