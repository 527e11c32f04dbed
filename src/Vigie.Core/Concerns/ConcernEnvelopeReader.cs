using System.Text;
using System.Text.Json;
using Vigie.Core.Json;

namespace Vigie.Core.Concerns;

/// <summary>
/// Strict reader of <see cref="ConcernEnvelope.Version"/> JSON: I-JSON only (RFC 7493, checked
/// by the JCS parser), exactly the members of v1, every byte string canonical base64 of the
/// length v1 fixes. The version is checked first, so a newer envelope gets "unknown version"
/// rather than a complaint about its members.
/// </summary>
internal static class ConcernEnvelopeReader
{
    private static readonly string[] EnvelopeMembers = ["ciphertext", "keyCommitment", "recipients", "version"];
    private static readonly string[] RecipientMembers = ["enc", "keyId", "sealedKey"];

    public static bool TryRead(string? json, out ConcernEnvelope? envelope, out string? error)
    {
        envelope = null;
        error = Read(json, ref envelope);
        return error is null;
    }

    private static string? Read(string? json, ref ConcernEnvelope? envelope)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "The envelope is empty.";
        }

        if (!Jcs.TryCanonicalize(Encoding.UTF8.GetBytes(json), out var canonical, out var jsonError))
        {
            return $"The envelope is not valid JSON (is it truncated?): {jsonError}";
        }

        using var document = JsonDocument.Parse(canonical);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The envelope must be a JSON object.";
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
        {
            return $"The envelope has no \"version\"; a concern envelope starts with \"version\": \"{ConcernEnvelope.Version}\".";
        }

        if (version.GetString() != ConcernEnvelope.Version)
        {
            return $"Unknown envelope version \"{version.GetString()}\": this Vigie reads {ConcernEnvelope.Version} only.";
        }

        if (MembersError(root, EnvelopeMembers, "The envelope") is { } membersError)
        {
            return membersError;
        }

        if (Bytes(root, "keyCommitment", ContentKeys.CommitmentSize, out var commitment) is { } commitmentError)
        {
            return commitmentError;
        }

        if (Bytes(root, "ciphertext", null, out var ciphertext) is { } ciphertextError)
        {
            return ciphertextError;
        }

        if (ciphertext.Length < ContentKeys.PaddingBlock + Hpke.TagSize || (ciphertext.Length - Hpke.TagSize) % ContentKeys.PaddingBlock != 0)
        {
            return $"\"ciphertext\" is {ciphertext.Length} bytes; {ConcernEnvelope.Version} content is a multiple of {ContentKeys.PaddingBlock} bytes "
                + $"plus a {Hpke.TagSize}-byte tag (truncated or damaged).";
        }

        var slots = new List<ConcernEnvelopeSlot>();
        if (Recipients(root.GetProperty("recipients"), slots) is { } recipientsError)
        {
            return recipientsError;
        }

        envelope = new ConcernEnvelope(slots, commitment, ciphertext);
        return null;
    }

    private static string? Recipients(JsonElement recipients, List<ConcernEnvelopeSlot> slots)
    {
        if (recipients.ValueKind != JsonValueKind.Array
            || recipients.GetArrayLength() is 0 or > ConcernEnvelope.MaxRecipients)
        {
            return $"\"recipients\" must be an array of 1 to {ConcernEnvelope.MaxRecipients} recipients.";
        }

        foreach (var recipient in recipients.EnumerateArray())
        {
            var where = $"Recipient {slots.Count + 1}";
            if (recipient.ValueKind != JsonValueKind.Object)
            {
                return $"{where} must be a JSON object.";
            }

            if (MembersError(recipient, RecipientMembers, where) is { } membersError)
            {
                return membersError;
            }

            var keyId = recipient.GetProperty("keyId");
            if (keyId.ValueKind != JsonValueKind.String || keyId.GetString() is not { Length: 16 } id
                || !id.All(char.IsAsciiHexDigitLower))
            {
                return $"{where}: \"keyId\" must be 16 lowercase hex digits.";
            }

            if (slots.Any(s => s.KeyId == id))
            {
                return $"{where}: key {id} appears twice.";
            }

            if (Bytes(recipient, "enc", Hpke.EncSize, out var enc) is { } encError)
            {
                return $"{where}: {encError}";
            }

            if (Bytes(recipient, "sealedKey", ConcernEnvelopeSlot.SealedSecretSize, out var sealedKey) is { } sealedKeyError)
            {
                return $"{where}: {sealedKeyError}";
            }

            slots.Add(new ConcernEnvelopeSlot(id, enc, sealedKey));
        }

        return null;
    }

    private static string? MembersError(JsonElement obj, string[] expected, string what)
    {
        var names = obj.EnumerateObject().Select(p => p.Name).ToList();
        if (names.FirstOrDefault(n => !expected.Contains(n, StringComparer.Ordinal)) is { } unexpected)
        {
            return $"{what} has an unexpected member \"{unexpected}\"; {ConcernEnvelope.Version} has {string.Join(", ", expected)}.";
        }

        if (expected.FirstOrDefault(n => !names.Contains(n, StringComparer.Ordinal)) is { } missing)
        {
            return $"{what} has no \"{missing}\" (is it truncated?).";
        }

        return null;
    }

    private static string? Bytes(JsonElement obj, string name, int? length, out byte[] bytes)
    {
        bytes = [];
        var value = obj.GetProperty(name);
        if (value.ValueKind != JsonValueKind.String || !StrictBase64.TryDecode(value.GetString(), out var decoded))
        {
            return $"\"{name}\" must be canonical base64 (RFC 4648 §4, with padding).";
        }

        if (length is { } expected && decoded.Length != expected)
        {
            return $"\"{name}\" is {decoded.Length} bytes; {ConcernEnvelope.Version} needs {expected} (truncated or damaged).";
        }

        bytes = decoded;
        return null;
    }
}
