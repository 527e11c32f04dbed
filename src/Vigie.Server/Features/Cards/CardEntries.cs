using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Server.Features.Cards;

/// <summary>
/// The model-card entry: one revision of a version's card, in full, with the diff from the
/// previous revision, so the log alone shows who changed which field when. An editorial revision
/// (<c>material</c> false: a typo, formatting) does not change the evidence decisions rest on.
/// </summary>
public static class CardEntries
{
    public const string Revised = "card.revised/v1";

    public sealed record RevisedBody(
        [property: JsonPropertyName("system")] string System,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("revision")] int Revision,
        [property: JsonPropertyName("material")] bool Material,
        [property: JsonPropertyName("note")] string? Note,
        [property: JsonPropertyName("card")] JsonElement Card,
        [property: JsonPropertyName("cardSha256")] string CardSha256,
        [property: JsonPropertyName("diff")] JsonElement? Diff,
        [property: JsonPropertyName("diffValuesOmitted")] bool? DiffValuesOmitted,
        [property: JsonPropertyName("source")] SourceFile? Source);

    /// <summary>The file a revision was imported from: its format and SHA-256 (the file itself is not in the log).</summary>
    public sealed record SourceFile(
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("sha256")] string Sha256);
}
