using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// The portal's own entries: publishing a withheld entry (its body and salt, so anyone can check
/// them against the commitment made at the time), and stating why an entry is withheld (SB 53:
/// a redaction in a published document states its reason). Both are public and made by an admin.
/// </summary>
public static class PortalEntries
{
    public const string Disclosed = "disclosure.published/v1";
    public const string ReasonStated = "redaction.reason-stated/v1";

    /// <summary>The revealed body and salt of entry <paramref name="Entry"/>, and why it is published now.</summary>
    public sealed record DisclosedBody(
        [property: JsonPropertyName("entry")] long Entry,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("salt")] string Salt,
        [property: JsonPropertyName("body")] JsonElement Body,
        [property: JsonPropertyName("reason")] string? Reason);

    public sealed record ReasonBody(
        [property: JsonPropertyName("entry")] long Entry,
        [property: JsonPropertyName("reason")] string Reason);
}
