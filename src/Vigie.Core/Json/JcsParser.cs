using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Vigie.Core.Json;

/// <summary>
/// Reads UTF-8 JSON with <see cref="Utf8JsonReader"/> and writes its RFC 8785 canonical form,
/// rejecting anything outside the I-JSON subset that RFC 8785 §3.1 requires.
/// </summary>
internal static class JcsParser
{
    /// <summary>Deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 64;

    private const int MaxQuotedKeyLength = 80;

    public static bool TryCanonicalize(ReadOnlySpan<byte> utf8Json, out byte[]? canonical, out string? error)
    {
        canonical = null;

        // RFC 8785 §3.1 / RFC 7493 §2.1: I-JSON text is UTF-8. Checking the whole input up front
        // also means every unescaped string slice below is valid UTF-8.
        if (!Utf8.IsValid(utf8Json))
        {
            error = "input is not valid UTF-8";
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var output = new JcsBuffer(utf8Json.Length + 16);
        try
        {
            // Utf8JsonReader reports malformed JSON (including trailing data and excess depth) by
            // throwing; this boundary turns that into a value, as callers expect.
            if (!reader.Read())
            {
                error = "input holds no JSON value";
                return false;
            }

            if (!TryWriteValue(ref reader, output, out error))
            {
                return false;
            }

            if (reader.Read())
            {
                error = "input holds more than one JSON value";
                return false;
            }
        }
        catch (JsonException e)
        {
            error = "invalid JSON: " + e.Message;
            return false;
        }

        canonical = output.ToArray();
        error = null;
        return true;
    }

    private static bool TryWriteValue(ref Utf8JsonReader reader, JcsBuffer output, out string? error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return TryWriteObject(ref reader, output, out error);
            case JsonTokenType.StartArray:
                return TryWriteArray(ref reader, output, out error);
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped)
                {
                    // Unescaped string bytes are already canonical: the input is valid UTF-8 (so
                    // holds no surrogate code points), and JSON forbids raw '"', '\' and controls.
                    output.Write((byte)'"');
                    output.Write(reader.ValueSpan);
                    output.Write((byte)'"');
                    error = null;
                    return true;
                }

                if (!TryReadString(ref reader, out var text, out error))
                {
                    return false;
                }

                JcsWriter.WriteString(output, text!);
                return true;
            case JsonTokenType.Number:
                return TryWriteNumber(ref reader, output, out error);
            case JsonTokenType.True:
                output.WriteAscii("true");
                break;
            case JsonTokenType.False:
                output.WriteAscii("false");
                break;
            case JsonTokenType.Null:
                output.WriteAscii("null");
                break;
            default:
                error = $"unexpected JSON token {reader.TokenType}";
                return false;
        }

        error = null;
        return true;
    }

    private static bool TryWriteArray(ref Utf8JsonReader reader, JcsBuffer output, out string? error)
    {
        // RFC 8785 §3.2.1: array elements keep their order; no whitespace.
        output.Write((byte)'[');
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                output.Write((byte)',');
            }

            first = false;
            if (!TryWriteValue(ref reader, output, out error))
            {
                return false;
            }
        }

        output.Write((byte)']');
        error = null;
        return true;
    }

    private static bool TryWriteObject(ref Utf8JsonReader reader, JcsBuffer output, out string? error)
    {
        // Members are written in input order straight into the output; only when that order is
        // not already the canonical one are they cut out and written again, sorted.
        var objectStart = output.Length;
        output.Write((byte)'{');
        var members = new List<(string Key, int Start, int Length)>();
        var sorted = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (!TryReadString(ref reader, out var key, out error))
            {
                return false;
            }

            // RFC 8785 §3.2.3: order by the UTF-16 code units of the names; ordinal comparison
            // in .NET compares exactly those (not code points, not culture).
            if (members.Count > 0 && string.CompareOrdinal(members[^1].Key, key) >= 0)
            {
                sorted = false;
            }

            if (members.Count > 0)
            {
                output.Write((byte)',');
            }

            var start = output.Length;
            JcsWriter.WriteString(output, key!);
            output.Write((byte)':');
            reader.Read();
            if (!TryWriteValue(ref reader, output, out error))
            {
                return false;
            }

            members.Add((key!, start, output.Length - start));
        }

        if (!sorted)
        {
            members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            for (var i = 1; i < members.Count; i++)
            {
                // RFC 7493 §2.3 (I-JSON, required by RFC 8785 §3.1): member names must be unique.
                // Comparing decoded names catches "a" vs "\u0061" too; once sorted, equal names are adjacent.
                if (string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
                {
                    error = $"duplicate object key {Quote(members[i].Key)}";
                    return false;
                }
            }

            var written = output.Slice(objectStart, output.Length - objectStart).ToArray();
            output.Truncate(objectStart + 1);
            for (var i = 0; i < members.Count; i++)
            {
                if (i > 0)
                {
                    output.Write((byte)',');
                }

                output.Write(written.AsSpan(members[i].Start - objectStart, members[i].Length));
            }
        }

        output.Write((byte)'}');
        error = null;
        return true;
    }

    /// <summary>True when the literal is an integer whose digits are already its canonical form.</summary>
    private static bool IsPlainInteger(ReadOnlySpan<byte> literal)
    {
        // ECMAScript prints integers below 10^21 digit for digit; up to 15 digits every such
        // integer is an exact double, so the literal is its own canonical form (JSON already
        // forbids leading zeros). "-0" prints as "0", so it takes the slow path.
        var digits = literal.Length > 0 && literal[0] == (byte)'-' ? literal[1..] : literal;
        return digits.Length is > 0 and <= 15 && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && !(digits.Length == 1 && digits[0] == (byte)'0' && literal.Length == 2);
    }

    private static bool TryWriteNumber(ref Utf8JsonReader reader, JcsBuffer output, out string? error)
    {
        // RFC 8785 §3.2.2.3: numbers are IEEE-754 doubles; a literal that overflows (1e400)
        // has no double value and RFC 7493 §2.2 forbids it.
        if (!reader.HasValueSequence && IsPlainInteger(reader.ValueSpan))
        {
            output.Write(reader.ValueSpan);
            error = null;
            return true;
        }

        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            error = $"number {Encoding.UTF8.GetString(reader.ValueSpan)} is not a finite IEEE-754 double";
            return false;
        }

        output.WriteAscii(EcmaNumber.Format(value));
        error = null;
        return true;
    }

    /// <summary>
    /// Decodes a string token. Escapes are decoded here rather than by
    /// <see cref="Utf8JsonReader.GetString"/> so that a lone surrogate (forbidden by RFC 7493
    /// §2.1 and RFC 8785 §3.2.2.2) is reported as a value, not an exception.
    /// </summary>
    private static bool TryReadString(ref Utf8JsonReader reader, out string? text, out string? error)
    {
        var raw = reader.ValueSpan;
        text = reader.ValueIsEscaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                error = $"string holds a lone surrogate U+{(int)text[i]:X4}";
                text = null;
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>Decodes JSON escapes; the reader has already checked their syntax (RFC 8259 §7).</summary>
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var builder = new StringBuilder(raw.Length);
        var runStart = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != (byte)'\\')
            {
                i++;
                continue;
            }

            builder.Append(Encoding.UTF8.GetString(raw[runStart..i]));
            var escape = raw[i + 1];
            if (escape == (byte)'u')
            {
                builder.Append((char)int.Parse(raw.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 6;
            }
            else
            {
                builder.Append(escape switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escape, // '"', '\\' and '/' stand for themselves
                });
                i += 2;
            }

            runStart = i;
        }

        builder.Append(Encoding.UTF8.GetString(raw[runStart..]));
        return builder.ToString();
    }

    private static string Quote(string key) =>
        key.Length <= MaxQuotedKeyLength ? $"\"{key}\"" : $"\"{key[..MaxQuotedKeyLength]}…\"";
}
