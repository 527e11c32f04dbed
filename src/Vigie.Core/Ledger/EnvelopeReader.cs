using System.Text.Json;
using System.Text.Unicode;
using Vigie.Core.Json;

namespace Vigie.Core.Ledger;

/// <summary>
/// Strict parsing of stored entries. Entries are stored canonical, so anything that is not
/// exactly the canonical serialization of a valid envelope is refused: a second spelling of
/// the same entry would hash to a different Merkle leaf.
/// </summary>
internal static class EnvelopeReader
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Envelope? envelope, out string? error) =>
        TryRead(utf8, materialize: true, out envelope, out error);

    /// <summary>
    /// The same checks as <see cref="TryParse"/> without building the envelope (a verifier's hot
    /// path). Entries that <see cref="EnvelopeCheck"/> shows valid from their bytes alone skip the
    /// re-canonicalization; every other entry gets the full checks, which decide and say why.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8, out string? error)
    {
        if (EnvelopeCheck.IsCanonicalAndValid(utf8))
        {
            error = null;
            return true;
        }

        return IsValidByFullChecks(utf8, out error);
    }

    /// <summary>The full checks alone: what <see cref="IsValid"/> answers for every entry (the tests compare the two).</summary>
    internal static bool IsValidByFullChecks(ReadOnlySpan<byte> utf8, out string? error) =>
        TryRead(utf8, materialize: false, out _, out error);

    private static bool TryRead(ReadOnlySpan<byte> utf8, bool materialize, out Envelope? envelope, out string? error)
    {
        envelope = null;
        if (utf8.Length > Envelope.MaxBytes)
        {
            error = $"entry is {utf8.Length} bytes; the limit is {Envelope.MaxBytes}";
            return false;
        }

        if (!Utf8.IsValid(utf8))
        {
            error = "entry is not valid UTF-8";
            return false;
        }

        if (!Jcs.TryCanonicalize(utf8, out var canonical, out var jsonError))
        {
            error = $"entry is not valid I-JSON: {jsonError}";
            return false;
        }

        if (!TryReadFields(canonical!, out var fields, out error))
        {
            return false;
        }

        // The input must be its own canonical form; with every field checked against its one
        // exact spelling above (kind and actor patterns, the fixed time layout, visibility names,
        // lowercase hex), that makes the entry's bytes the only serialization of its content.
        if (!canonical.AsSpan().SequenceEqual(utf8))
        {
            var at = canonical.AsSpan().CommonPrefixLength(utf8);
            error = $"entry is not in RFC 8785 canonical form (first difference at byte {at})";
            return false;
        }

        if (materialize)
        {
            JsonElement? body = null;
            if (fields.BodyLength > 0)
            {
                using var document = JsonDocument.Parse(canonical.AsMemory(fields.BodyStart, fields.BodyLength));
                body = document.RootElement.Clone();
            }

            envelope = new Envelope
            {
                Kind = fields.Kind!,
                Time = fields.Time,
                Actor = fields.Actor,
                Visibility = fields.Visibility,
                Body = body,
                Commitment = fields.Commitment,
            };
        }

        return true;
    }

    private record struct Fields(
        string? Kind, DateTimeOffset Time, string? Actor, Visibility Visibility, byte[]? Commitment, int BodyStart, int BodyLength);

    /// <summary>Reads the top-level members of canonical JSON with one forward pass, checking each.</summary>
    private static bool TryReadFields(byte[] canonical, out Fields fields, out string? error)
    {
        fields = default;
        var reader = new Utf8JsonReader(canonical);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail($"entry must be a JSON object, not {Describe(reader.TokenType)}", out error);
        }

        string? kind = null, time = null, actor = null, visibility = null, commitment = null;
        int bodyStart = 0, bodyLength = 0;
        var hasBody = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Known names are matched on the raw bytes; only an unknown one is decoded (for its message).
            bool ok;
            var isBody = false;
            if (reader.ValueTextEquals("kind"u8)) { reader.Read(); ok = TryGetString(ref reader, "kind", out kind, out error); }
            else if (reader.ValueTextEquals("time"u8)) { reader.Read(); ok = TryGetString(ref reader, "time", out time, out error); }
            else if (reader.ValueTextEquals("actor"u8)) { reader.Read(); ok = TryGetString(ref reader, "actor", out actor, out error); }
            else if (reader.ValueTextEquals("visibility"u8)) { reader.Read(); ok = TryGetString(ref reader, "visibility", out visibility, out error); }
            else if (reader.ValueTextEquals("commitment"u8)) { reader.Read(); ok = TryGetString(ref reader, "commitment", out commitment, out error); }
            else if (reader.ValueTextEquals("body"u8)) { reader.Read(); ok = TryGetObject(ref reader, out bodyStart, out bodyLength, out error); isBody = true; }
            else
            {
                // Safe: the input passed Jcs, which rejects lone surrogates that GetString would throw on.
                ok = Fail($"unknown field \"{reader.GetString()}\"", out error);
            }

            if (!ok)
            {
                return false;
            }

            hasBody |= isBody;
        }

        if (kind is null || time is null || visibility is null)
        {
            return Fail($"missing field \"{(kind is null ? "kind" : time is null ? "time" : "visibility")}\"", out error);
        }

        if (!EnvelopeFormat.IsValidKind(kind))
        {
            return Fail($"field \"kind\" is not valid: \"{kind}\"", out error);
        }

        if (!EnvelopeFormat.TryParseTimeExact(time, out var parsedTime))
        {
            return Fail($"field \"time\" must be UTC with milliseconds, e.g. \"2026-11-27T16:22:00.123Z\", not \"{time}\"", out error);
        }

        if (actor is not null && !EnvelopeFormat.IsValidActor(actor))
        {
            return Fail($"field \"actor\" is not a valid user name: \"{actor}\"", out error);
        }

        if (!EnvelopeFormat.TryParseVisibility(visibility, out var parsedVisibility))
        {
            return Fail($"field \"visibility\" must be \"public\", \"internal\" or \"confidential\", not \"{visibility}\"", out error);
        }

        if (parsedVisibility == Visibility.Public && commitment is not null)
        {
            return Fail("a public entry must not have field \"commitment\"", out error);
        }

        if (parsedVisibility != Visibility.Public && hasBody)
        {
            return Fail($"a {visibility} entry must not have field \"body\"", out error);
        }

        byte[]? parsedCommitment = null;
        if (commitment is not null && !EnvelopeFormat.TryParseCommitment(commitment, out parsedCommitment))
        {
            return Fail("field \"commitment\" must be \"sha256:\" and 64 lowercase hex digits", out error);
        }

        if (parsedVisibility == Visibility.Public ? !hasBody : parsedCommitment is null)
        {
            return Fail($"missing field \"{(parsedVisibility == Visibility.Public ? "body" : "commitment")}\"", out error);
        }

        fields = new Fields(kind, parsedTime, actor, parsedVisibility, parsedCommitment, bodyStart, bodyLength);
        error = null;
        return true;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, string name, out string? value, out string? error)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return Fail($"field \"{name}\" must be a string", out error);
        }

        value = reader.GetString();
        error = null;
        return true;
    }

    private static bool TryGetObject(ref Utf8JsonReader reader, out int start, out int length, out string? error)
    {
        start = length = 0;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return Fail("field \"body\" must be a JSON object", out error);
        }

        start = (int)reader.TokenStartIndex;
        reader.Skip();
        length = (int)reader.BytesConsumed - start;
        error = null;
        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "Array",
        JsonTokenType.String => "String",
        JsonTokenType.Number => "Number",
        JsonTokenType.True or JsonTokenType.False => "Boolean",
        JsonTokenType.Null => "Null",
        _ => token.ToString(),
    };

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
