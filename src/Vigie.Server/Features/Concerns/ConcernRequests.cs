using System.Text.Json;

namespace Vigie.Server.Features.Concerns;

/// <summary>The JSON bodies the concern endpoints accept.</summary>
public static class ConcernRequests
{
    /// <summary>Largest sealed concern accepted: text and attachments of about 380 KiB once base64 is counted.</summary>
    public const int MaxFileBytes = 512 * 1024;

    /// <summary>Largest sealed reply or answer.</summary>
    public const int MaxMessageBytes = 96 * 1024;

    /// <summary>A new concern: the envelope sealed on the reporter's machine, the receipt's locator and access code, never the receipt.</summary>
    public sealed record File(JsonElement Envelope, string Locator, string Access, IReadOnlyList<string>? About = null, string? Category = null);

    public sealed record Receipt(string Locator, string Access);

    public sealed record Answer(string Locator, string Access, JsonElement Message);

    public sealed record RecipientKey(string User, string PublicKey);

    public sealed record Routing(
        IReadOnlyList<ConcernRouting.Recipient> Recipients,
        IReadOnlyList<ConcernRouting.Tier>? Tiers = null,
        string? Zone = null,
        IReadOnlyList<ConcernRouting.Channel>? ExternalChannels = null);

    /// <summary>A recipient's step: acknowledge, reply (feedback: true when it is the Directive's feedback) or close.</summary>
    public sealed record Step(JsonElement? Message = null, bool Feedback = false, string? Outcome = null, string? Category = null);
}
