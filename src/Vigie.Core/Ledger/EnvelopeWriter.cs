using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigie.Core.Json;

namespace Vigie.Core.Ledger;

/// <summary>Validates an envelope and produces its canonical bytes, reporting failures as values.</summary>
internal static class EnvelopeWriter
{
    public static bool TrySerialize(Envelope envelope, out byte[]? json, out string? error)
    {
        json = null;
        if (!TryValidate(envelope, out var canonicalBody, out error))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", envelope.Kind);
            writer.WriteString("time", EnvelopeFormat.FormatTime(envelope.Time));
            if (envelope.Actor is not null)
            {
                writer.WriteString("actor", envelope.Actor);
            }

            writer.WriteString("visibility", EnvelopeFormat.FormatVisibility(envelope.Visibility));
            if (canonicalBody is not null)
            {
                writer.WritePropertyName("body");
                writer.WriteRawValue(canonicalBody, skipInputValidation: true);
            }
            else
            {
                writer.WriteString("commitment", EnvelopeFormat.FormatCommitment(envelope.Commitment!));
            }

            writer.WriteEndObject();
        }

        // One canonicalizer for everything: member order, escaping and numbers all come from
        // RFC 8785 as implemented by Jcs, whatever Utf8JsonWriter chose.
        if (!Jcs.TryCanonicalize(buffer.WrittenSpan, out var canonical, out var jsonError))
        {
            error = $"entry cannot be canonicalized (RFC 8785): {jsonError}";
            return false;
        }

        if (canonical!.Length > Envelope.MaxBytes)
        {
            error = $"entry is {canonical.Length} bytes once canonical; the limit is {Envelope.MaxBytes} (C2SP entry bundles use a uint16 length)";
            return false;
        }

        json = canonical;
        return true;
    }

    private static bool TryValidate(Envelope envelope, out byte[]? canonicalBody, out string? error)
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

        if (envelope.Body is { } body)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                error = $"body must be a JSON object, not {body.ValueKind}";
                return false;
            }

            if (!Jcs.TryCanonicalize(Encoding.UTF8.GetBytes(body.GetRawText()), out canonicalBody, out var jsonError))
            {
                error = $"body cannot be canonicalized (RFC 8785): {jsonError}";
                return false;
            }
        }

        return true;
    }
}
