using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Json;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// A valid structured model card (see <see cref="CardSchema"/>), immutable. Its stored and
/// hashed form is the RFC 8785 canonical JSON; <see cref="Sha256"/> is the digest of those bytes.
/// Build one with <see cref="FromJson(JsonNode?)"/>, an importer or <see cref="CardEdits"/>.
/// </summary>
public sealed class ModelCard
{
    /// <summary>
    /// The largest canonical card: a revision is one log entry (at most 65,535 bytes, ADR 0002)
    /// that also carries the diff from the previous revision.
    /// </summary>
    public const int MaxCanonicalBytes = 40_000;

    private readonly JsonObject root;

    private ModelCard(JsonObject root, byte[] canonical)
    {
        this.root = root;
        CanonicalJson = canonical;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    public static ModelCard Empty { get; } = new(new JsonObject(), "{}"u8.ToArray());

    /// <summary>Normalizes and checks JSON; returns the card or every issue found.</summary>
    public static CardParseResult FromJson(JsonNode? json)
    {
        var cleaned = CardNormalizer.Clean(json);
        var issues = CardValidator.Validate(cleaned);
        if (issues.Count > 0)
        {
            return new CardParseResult(null, issues);
        }

        var ordered = (JsonObject)JsonNodes.CanonicalNumbers(CardValidator.Ordered((JsonObject)cleaned!))!;

        // Verbatim values (extra) may hold what RFC 8785 refuses, e.g. a lone surrogate from a YAML escape.
        if (!Jcs.TryCanonicalize(Encoding.UTF8.GetBytes(ordered.ToJsonString()), out var bytes, out var error))
        {
            return new CardParseResult(null, [new CardIssue("", $"The card cannot be stored as canonical JSON (RFC 8785): {error}.")]);
        }

        return bytes!.Length > MaxCanonicalBytes
            ? new CardParseResult(null, [new CardIssue("", $"The card is {bytes.Length} bytes as canonical JSON; at most {MaxCanonicalBytes} fit in one log entry. Shorten the prose sections or move long material to evidence.")])
            : new CardParseResult(new ModelCard(ordered, bytes), []);
    }

    /// <summary>Parses JSON text, then as <see cref="FromJson(JsonNode?)"/>.</summary>
    public static CardParseResult FromJson(string json)
    {
        try
        {
            return FromJson(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = Jcs.MaxDepth }));
        }
        catch (JsonException e)
        {
            return new CardParseResult(null, [new CardIssue("", $"The card is not valid JSON: {e.Message}")]);
        }
    }

    /// <summary>A copy of the card as a JSON object, fields in catalogue order.</summary>
    public JsonObject ToJsonObject() => (JsonObject)root.DeepClone();

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(root);

    public string ToJsonString(bool indented = false) =>
        root.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The RFC 8785 canonical UTF-8 bytes: what is hashed and stored.</summary>
    public byte[] CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/>, 64 lower-case hex digits.</summary>
    public string Sha256 { get; }

    public bool IsEmpty => root.Count == 0;

    /// <summary>A copy of the value at a field path (<c>group.field</c>, or <c>extra</c>, <c>sections</c>), or null.</summary>
    public JsonNode? Get(string path) => Lookup(path)?.DeepClone();

    /// <summary>Whether the field at the path has a value (cards hold no empty values).</summary>
    public bool Has(string path) => Lookup(path) is not null;

    public string? Text(string path) => JsonNodes.StringOrNull(Lookup(path));

    public double? Number(string path) => JsonNodes.TryGetDouble(Lookup(path), out var d) ? d : null;

    public IReadOnlyList<string> List(string path) =>
        Lookup(path) is JsonArray list ? [.. list.Select(i => JsonNodes.StringOrNull(i) ?? "")] : [];

    public IReadOnlyList<JsonObject> Records(string path) =>
        Lookup(path) is JsonArray list ? [.. list.OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone())] : [];

    public IReadOnlyList<KeyValuePair<string, string>> Map(string path) =>
        Lookup(path) is JsonObject map ? [.. map.Select(p => KeyValuePair.Create(p.Key, JsonNodes.StringOrNull(p.Value) ?? ""))] : [];

    /// <summary>Keys of imported files that no field holds, verbatim.</summary>
    public JsonObject Extra => root[CardSchema.Extra] is JsonObject extra ? (JsonObject)extra.DeepClone() : [];

    public IReadOnlyList<CardSection> Sections =>
        [.. Records(CardSchema.Sections).Select(s => new CardSection(
            JsonNodes.StringOrNull(s["heading"]) ?? "",
            JsonNodes.TryGetDouble(s["level"], out var level) ? (int)level : 0,
            JsonNodes.StringOrNull(s["text"]) ?? ""))];

    private JsonNode? Lookup(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? root[path] : (root[path[..dot]] as JsonObject)?[path[(dot + 1)..]];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ModelCard({Text("model.name") ?? "unnamed"}, {Sha256[..12]})");
}
