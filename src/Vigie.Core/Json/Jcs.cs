using System.Text;
using System.Text.Json;

namespace Vigie.Core.Json;

/// <summary>
/// JSON Canonicalization Scheme, RFC 8785: the one byte form of a JSON value that Vigie hashes,
/// signs and stores. Input must be I-JSON (RFC 7493): UTF-8, unique member names, no lone
/// surrogates, numbers that are finite doubles; nesting is limited to <see cref="MaxDepth"/>.
/// </summary>
public static class Jcs
{
    /// <summary>Deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = JcsParser.MaxDepth;

    /// <summary>
    /// Canonical UTF-8 bytes of an element already parsed. An element that is not I-JSON
    /// (duplicate keys, 1e400, lone surrogates) is a programming error here: validate untrusted
    /// input with <see cref="TryCanonicalize"/> instead.
    /// </summary>
    /// <exception cref="ArgumentException">The element cannot be canonicalized.</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("JSON element holds no value.", nameof(element));
        }

        // The raw text keeps what JsonElement hides (duplicate keys, the literal digits of a
        // number), so one code path validates and canonicalizes both entry points.
        var raw = Encoding.UTF8.GetBytes(element.GetRawText());
        if (!TryCanonicalize(raw, out var canonical, out var error))
        {
            throw new ArgumentException($"JSON element cannot be canonicalized (RFC 8785): {error}", nameof(element));
        }

        return canonical!;
    }

    /// <summary>
    /// Validates UTF-8 JSON and returns its canonical bytes, or false with a reason a person
    /// can act on.
    /// </summary>
    public static bool TryCanonicalize(ReadOnlySpan<byte> utf8Json, out byte[]? canonical, out string? error) =>
        JcsParser.TryCanonicalize(utf8Json, out canonical, out error);

    /// <summary>
    /// The canonical text of a finite double (RFC 8785 §3.2.2.3, ECMAScript Number::toString),
    /// e.g. 1e21 → "1e+21", 1e-7 → "1e-7", -0 → "0".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static string SerializeNumber(double value) => EcmaNumber.Format(value);
}
