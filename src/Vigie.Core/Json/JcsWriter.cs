using System.Text;

namespace Vigie.Core.Json;

/// <summary>Writes the canonical form of JSON primitives (RFC 8785 §3.2.2).</summary>
internal static class JcsWriter
{
    /// <summary>
    /// Writes a string literal per RFC 8785 §3.2.2.2: only '"', '\' and U+0000..U+001F are
    /// escaped; the five controls with a short form use it (\b \t \n \f \r), the others use
    /// lowercase \u00xx; everything else, '/' and non-ASCII included, is written as UTF-8.
    /// The string must hold no lone surrogate (the parser rejects them before this point).
    /// </summary>
    public static void WriteString(JcsBuffer output, string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        output.Write((byte)'"');
        var runStart = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b >= 0x20 && b != (byte)'"' && b != (byte)'\\')
            {
                continue;
            }

            output.Write(utf8.AsSpan(runStart, i - runStart));
            runStart = i + 1;
            output.WriteAscii(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                0x08 => "\\b",
                0x09 => "\\t",
                0x0A => "\\n",
                0x0C => "\\f",
                0x0D => "\\r",
                _ => "\\u00" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        output.Write(utf8.AsSpan(runStart));
        output.Write((byte)'"');
    }
}
