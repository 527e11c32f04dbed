using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Vigie.Core.Concerns;

/// <summary>
/// What a reporter seals (the plaintext of a concern's <see cref="ConcernEnvelope"/>), as JSON
/// <c>{"version":"vigie-concern-report/v1","text":…,"replyKey":"vigie-concern-public-key-v1:…","attachments":[{"name","mediaType","data"}]}</c>.
/// <see cref="ReplyKey"/> is the reporter's <see cref="ConcernReporterKeys.ReplyKey"/>: recipients
/// seal their replies to it. The browser page writes exactly this shape.
/// </summary>
public sealed record ConcernReport(string Text, ConcernPublicKey ReplyKey, IReadOnlyList<ConcernAttachment> Attachments)
{
    public const string Version = "vigie-concern-report/v1";

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("text", Text);
            json.WriteString("replyKey", ReplyKey.Export());
            json.WriteStartArray("attachments");
            foreach (var a in Attachments)
            {
                json.WriteStartObject();
                json.WriteString("name", a.Name);
                json.WriteString("mediaType", a.MediaType);
                json.WriteBase64String("data", a.Data);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an opened report; the error says what is wrong (it never quotes the text).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ConcernReport? report, [NotNullWhen(false)] out string? error)
    {
        report = null;
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            var root = document.RootElement;
            if (ConcernContent.VersionError(root, Version) is { } versionError)
            {
                error = versionError;
                return false;
            }

            if (!ConcernContent.TryString(root, "text", out var text) || !ConcernContent.TryString(root, "replyKey", out var keyText))
            {
                error = "The report has no \"text\" or no \"replyKey\".";
                return false;
            }

            if (!ConcernPublicKey.TryImport(keyText, out var replyKey, out var keyError))
            {
                error = $"The report's reply key is not usable: {keyError}";
                return false;
            }

            var attachments = new List<ConcernAttachment>();
            if (root.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (!ConcernContent.TryString(item, "name", out var name) || !ConcernContent.TryString(item, "mediaType", out var mediaType)
                        || !item.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String || !data.TryGetBytesFromBase64(out var bytesOf))
                    {
                        error = $"Attachment {attachments.Count + 1} needs a name, a media type and base64 data.";
                        return false;
                    }

                    attachments.Add(new ConcernAttachment(name, mediaType, bytesOf));
                }
            }

            report = new ConcernReport(text, replyKey, attachments);
            error = null;
            return true;
        }
        catch (JsonException)
        {
            error = "The opened report is not JSON: it was not written by a Vigie client.";
            return false;
        }
    }
}
