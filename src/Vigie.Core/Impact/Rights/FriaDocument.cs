using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Impact.Rights;

/// <summary>
/// A valid fundamental rights impact assessment (the fields of <see cref="FriaFields"/>),
/// immutable. A draft may leave fields empty; <see cref="Missing"/> says which, and a document
/// goes to review only when nothing is missing. Its stored and hashed form is the RFC 8785
/// canonical JSON; <see cref="Sha256"/> is the digest of those bytes.
/// </summary>
public sealed class FriaDocument
{
    /// <summary>The largest canonical document: a revision is one log entry (at most 65,535 bytes, ADR 0002).</summary>
    public const int MaxCanonicalBytes = 40_000;

    private readonly JsonObject root;

    internal FriaDocument(JsonObject root, byte[] canonical)
    {
        this.root = root;
        CanonicalJson = canonical;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    public static FriaDocument Empty { get; } = new(new JsonObject(), "{}"u8.ToArray());

    /// <summary>Checks and normalises JSON (blank values dropped, CRLF made LF, fields in Art. 27 order).</summary>
    public static FriaParseResult Parse(JsonNode? json) => FriaReader.Read(json);

    public static FriaParseResult Parse(string json)
    {
        try
        {
            return Parse(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }));
        }
        catch (JsonException e)
        {
            return new FriaParseResult(null, [new FriaIssue("", $"The document is not valid JSON: {e.Message}")]);
        }
    }

    public byte[] CanonicalJson { get; }

    public string Sha256 { get; }

    public string? Text(string name) => root[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public IReadOnlyList<string> List(string name) =>
        root[name] is JsonArray list ? [.. list.Select(i => i!.GetValue<string>())] : [];

    public IReadOnlyList<FriaRisk> Risks =>
        root["risks"] is JsonArray list
            ? [.. list.OfType<JsonObject>().Select(r => new FriaRisk(
                r["group"]!.GetValue<string>(), r["harm"]!.GetValue<string>(), (string?)r["likelihood"], (string?)r["severity"]))]
            : [];

    public bool Has(string name) => root[name] is not null;

    /// <summary>The fields a complete assessment needs and this one leaves empty.</summary>
    public IReadOnlyList<FriaField> Missing => [.. FriaFields.All.Where(f => !Has(f.Name))];

    public bool Complete => Missing.Count == 0;

    public JsonObject ToJsonObject() => (JsonObject)root.DeepClone();

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(root);
}
