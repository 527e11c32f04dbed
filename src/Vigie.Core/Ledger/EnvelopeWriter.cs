using System.Buffers;
using System.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using Vigie.Core.Json;

namespace Vigie.Core.Ledger;

/// <summary>Validates an envelope and produces its canonical bytes, reporting failures as values.</summary>
internal static class EnvelopeWriter
{
    public static bool TrySerialize(Envelope envelope, out byte[]? json, out string? error) =>
        TrySerialize(envelope, null, out json, out error);

    /// <summary>
    /// As above; <paramref name="canonicalBody"/>, when given, is the body's canonical form
    /// already at hand (the reader has it from canonical input), saving a second pass over it.
    /// </summary>
    public static bool TrySerialize(Envelope envelope, byte[]? canonicalBody, out byte[]? json, out string? error)
    {
        json = null;
        if (!TryValidate(envelope, canonicalBody is null, out var computedBody, out error))
        {
            return false;
        }

        canonicalBody ??= computedBody;

        // Written directly in RFC 8785 form: members in UTF-16 order (actor, body, commitment,
        // kind, time, visibility), no whitespace. Every string here comes from a validated ASCII
        // alphabet (kind and actor patterns, the fixed time layout, visibility names, hex) that
        // needs no escaping, and the body is already canonical, so no second canonicalization is needed.
        var buffer = new ArrayBufferWriter<byte>(128 + (canonicalBody?.Length ?? 0));
        Ascii(buffer, "{");
        if (envelope.Actor is not null)
        {
            Member(buffer, "actor", envelope.Actor);
            Ascii(buffer, ",");
        }

        if (canonicalBody is not null)
        {
            Ascii(buffer, "\"body\":");
            buffer.Write(canonicalBody);
        }
        else
        {
            Member(buffer, "commitment", EnvelopeFormat.FormatCommitment(envelope.Commitment!));
        }

        Ascii(buffer, ",");
        Member(buffer, "kind", envelope.Kind);
        Ascii(buffer, ",");
        Member(buffer, "time", EnvelopeFormat.FormatTime(envelope.Time));
        Ascii(buffer, ",");
        Member(buffer, "visibility", EnvelopeFormat.FormatVisibility(envelope.Visibility));
        Ascii(buffer, "}");

        if (buffer.WrittenCount > Envelope.MaxBytes)
        {
            error = $"entry is {buffer.WrittenCount} bytes once canonical; the limit is {Envelope.MaxBytes} (C2SP entry bundles use a uint16 length)";
            return false;
        }

        json = buffer.WrittenSpan.ToArray();
        return true;
    }

    private static void Member(ArrayBufferWriter<byte> buffer, string name, string asciiValue)
    {
        Ascii(buffer, "\"");
        Ascii(buffer, name);
        Ascii(buffer, "\":\"");
        Ascii(buffer, asciiValue);
        Ascii(buffer, "\"");
    }

    private static void Ascii(ArrayBufferWriter<byte> buffer, string ascii)
    {
        var span = buffer.GetSpan(ascii.Length);
        var written = Encoding.ASCII.GetBytes(ascii, span);
        buffer.Advance(written);
    }

    private static bool TryValidate(Envelope envelope, bool canonicalizeBody, out byte[]? canonicalBody, out string? error)
    {
        canonicalBody = null;
        if (!EnvelopeFormat.IsValidKind(envelope.Kind))
        {
            error = $"kind \"{envelope.Kind}\" is not valid: expected lowercase dotted words and a version, e.g. \"evidence.recorded/v1\" (at most {EnvelopeFormat.MaxKindLength} characters)";
            return false;
        }

        if (envelope.Actor is not null && !EnvelopeFormat.IsValidActor(envelope.Actor))
        {
            error = $"actor \"{envelope.Actor}\" is not a valid user name: 1-64 of a-z 0-9 . _ -, starting with a letter or digit";
            return false;
        }

        if (!Enum.IsDefined(envelope.Visibility))
        {
            error = $"visibility {(int)envelope.Visibility} is not defined";
            return false;
        }

        var isPublic = envelope.Visibility == Visibility.Public;
        var name = EnvelopeFormat.FormatVisibility(envelope.Visibility);
        error = (isPublic, envelope.Body, envelope.Commitment) switch
        {
            (true, null, _) => "a public entry needs a body",
            (true, _, not null) => "a public entry carries its body, not a commitment",
            (false, not null, _) => $"a {name} entry must not carry its body in the log; it carries a commitment",
            (false, _, null) => $"a {name} entry needs a commitment",
            (false, _, { Length: not Commitment.Length }) => $"a commitment is {Commitment.Length} bytes (SHA-256)",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        if (envelope.Body is { } body && canonicalizeBody)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                error = $"body must be a JSON object, not {body.ValueKind}";
                return false;
            }

            if (!Jcs.TryCanonicalize(JsonMarshal.GetRawUtf8Value(body), out canonicalBody, out var jsonError))
            {
                error = $"body cannot be canonicalized (RFC 8785): {jsonError}";
                return false;
            }
        }

        return true;
    }
}
