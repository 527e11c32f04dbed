using System.Runtime.InteropServices;
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
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Envelope? envelope, out string? error)
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

        using var document = JsonDocument.Parse(canonical);
        if (!TryReadFields(document.RootElement, out var candidate, out error))
        {
            return false;
        }

        // The decisive check: re-serializing must give back the very bytes we were given
        // (whitespace, member order, escapes, number spelling, time format, hex case).
        // The body was canonicalized with the whole entry above: hand its bytes over as they are.
        var canonicalBody = candidate!.Body is { } parsedBody ? JsonMarshal.GetRawUtf8Value(parsedBody).ToArray() : null;
        if (!EnvelopeWriter.TrySerialize(candidate, canonicalBody, out var reserialized, out error))
        {
            return false;
        }

        if (!reserialized.AsSpan().SequenceEqual(utf8))
        {
            var at = reserialized.AsSpan().CommonPrefixLength(utf8);
            error = $"entry is not in RFC 8785 canonical form (first difference at byte {at})";
            return false;
        }

        envelope = candidate;
        return true;
    }

    private static bool TryReadFields(JsonElement root, out Envelope? envelope, out string? error)
    {
        envelope = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = $"entry must be a JSON object, not {root.ValueKind}";
            return false;
        }

        string? kind = null, time = null, actor = null, visibility = null, commitment = null;
        JsonElement? body = null;
        foreach (var property in root.EnumerateObject())
        {
            var ok = property.Name switch
            {
                "kind" => TryGetString(property, out kind, out error),
                "time" => TryGetString(property, out time, out error),
                "actor" => TryGetString(property, out actor, out error),
                "visibility" => TryGetString(property, out visibility, out error),
                "commitment" => TryGetString(property, out commitment, out error),
                "body" => TryGetObject(property, out body, out error),
                _ => Fail($"unknown field \"{property.Name}\"", out error),
            };
            if (!ok)
            {
                return false;
            }
        }

        if (kind is null || time is null || visibility is null)
        {
            error = $"missing field \"{(kind is null ? "kind" : time is null ? "time" : "visibility")}\"";
            return false;
        }

        if (!EnvelopeFormat.IsValidKind(kind))
        {
            return Fail($"field \"kind\" is not valid: \"{kind}\"", out error);
        }

        if (!EnvelopeFormat.TryParseTime(time, out var parsedTime))
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

        if (parsedVisibility != Visibility.Public && body is not null)
        {
            return Fail($"a {visibility} entry must not have field \"body\"", out error);
        }

        byte[]? parsedCommitment = null;
        if (commitment is not null && !EnvelopeFormat.TryParseCommitment(commitment, out parsedCommitment))
        {
            return Fail("field \"commitment\" must be \"sha256:\" and 64 lowercase hex digits", out error);
        }

        if (parsedVisibility == Visibility.Public ? body is null : parsedCommitment is null)
        {
            return Fail($"missing field \"{(parsedVisibility == Visibility.Public ? "body" : "commitment")}\"", out error);
        }

        envelope = new Envelope
        {
            Kind = kind,
            Time = parsedTime,
            Actor = actor,
            Visibility = parsedVisibility,
            Body = body,
            Commitment = parsedCommitment,
        };
        error = null;
        return true;
    }

    private static bool TryGetString(JsonProperty property, out string? value, out string? error)
    {
        value = null;
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            return Fail($"field \"{property.Name}\" must be a string", out error);
        }

        // Safe: the input passed Jcs, which rejects lone surrogates that GetString would throw on.
        value = property.Value.GetString();
        error = null;
        return true;
    }

    private static bool TryGetObject(JsonProperty property, out JsonElement? value, out string? error)
    {
        value = null;
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            return Fail($"field \"{property.Name}\" must be a JSON object", out error);
        }

        value = property.Value;
        error = null;
        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
