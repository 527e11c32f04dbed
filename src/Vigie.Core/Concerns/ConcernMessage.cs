using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Vigie.Core.Concerns;

/// <summary>
/// One message of a concern's conversation after the report (a reply to the reporter, or the
/// reporter's answer), sealed as a <see cref="ConcernEnvelope"/>: JSON
/// <c>{"version":"vigie-concern-message/v1","text":…}</c>.
/// </summary>
public sealed record ConcernMessage(string Text)
{
    public const string Version = "vigie-concern-message/v1";

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["version"] = Version, ["text"] = Text });

    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ConcernMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            error = ConcernContent.VersionError(document.RootElement, Version);
            if (error is not null)
            {
                return false;
            }

            if (!ConcernContent.TryString(document.RootElement, "text", out var text))
            {
                error = "The message has no \"text\".";
                return false;
            }

            message = new ConcernMessage(text);
            return true;
        }
        catch (JsonException)
        {
            error = "The opened message is not JSON: it was not written by a Vigie client.";
            return false;
        }
    }
}
