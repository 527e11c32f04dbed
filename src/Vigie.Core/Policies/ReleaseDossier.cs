using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigie.Core.Json;

namespace Vigie.Core.Policies;

/// <summary>
/// One release dossier (schema: <see cref="DossierSchema"/>, fields: docs/dossier.md), checked
/// and immutable. Its digest is SHA-256 of its RFC 8785 canonical form, so two dossiers that
/// differ only in key order or number spelling have the same digest. The value rules evaluate is
/// converted once, here, and shared by every rule (nothing in CEL can change it).
/// </summary>
public sealed class ReleaseDossier
{
    /// <summary>Largest dossier accepted, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private ReleaseDossier(JsonElement json, byte[] canonical, IReadOnlyList<DossierWaiver> waivers)
    {
        Json = json;
        CanonicalJson = canonical;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(canonical));
        System = json.GetProperty("system").GetProperty("name").GetString()!;
        Version = json.GetProperty("version").GetProperty("name").GetString()!;
        Action = json.GetProperty("action").GetString()!;
        Time = ParseTime(json.GetProperty("time").GetString()!);
        Waivers = waivers;
        Value = CelValues.FromJson(json);
    }

    /// <summary>The dossier in its canonical form (keys sorted), as a JSON value.</summary>
    public JsonElement Json { get; }

    /// <summary>The RFC 8785 canonical UTF-8 bytes: what is hashed.</summary>
    public byte[] CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/>, 64 lower-case hex digits: the gate result's <c>dossierDigest</c>.</summary>
    public string Sha256 { get; }

    public string System { get; }

    public string Version { get; }

    public string Action { get; }

    public DateTimeOffset Time { get; }

    public IReadOnlyList<DossierWaiver> Waivers { get; }

    /// <summary>The dossier as CEL values, converted once and shared by every rule (CEL cannot change a value).</summary>
    internal object? Value { get; }

    public static DossierParse Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Reads a dossier: I-JSON (RFC 7493, as RFC 8785 requires), at most <see cref="MaxBytes"/>,
    /// conforming to the schema, and with waivers only for its own system version.
    /// </summary>
    public static DossierParse Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Refused($"The dossier is {utf8.Length} bytes; at most {MaxBytes} are allowed.");
        }

        if (!Jcs.TryCanonicalize(utf8, out var canonical, out var error))
        {
            return Refused($"The dossier is not valid I-JSON (RFC 7493), so it has no canonical form (RFC 8785): {error}");
        }

        using var document = JsonDocument.Parse(canonical, new JsonDocumentOptions { MaxDepth = Jcs.MaxDepth });
        var json = document.RootElement.Clone();
        var problems = DossierSchema.Validate(json);
        if (problems.Count > 0)
        {
            return new DossierParse(null, [.. problems.Select(p => $"The dossier does not follow dossier schema {DossierSchema.Version}: {p}")]);
        }

        var waivers = json.GetProperty("waivers").EnumerateArray().Select(ReadWaiver).ToList();
        var system = json.GetProperty("system").GetProperty("name").GetString();
        var version = json.GetProperty("version").GetProperty("name").GetString();
        var foreign = waivers.Where(w => w.System != system || w.Version != version)
            .Select(w => $"The waiver of rule '{w.RuleId}' (decision {w.DecisionId}) is for {w.System}@{w.Version}, not for this dossier's {system}@{version}.")
            .ToList();
        return foreign.Count > 0 ? new DossierParse(null, foreign) : new DossierParse(new ReleaseDossier(json, canonical!, waivers), []);
    }

    /// <summary>Reads a dossier from a JSON value (e.g. one the server assembled), as <see cref="Parse(ReadOnlySpan{byte})"/>.</summary>
    public static DossierParse FromJson(JsonElement json) => Parse(Encoding.UTF8.GetBytes(json.GetRawText()));

    private static DossierParse Refused(string error) => new(null, [error]);

    private static DossierWaiver ReadWaiver(JsonElement w) => new(
        w.GetProperty("ruleId").GetString()!,
        w.GetProperty("system").GetString()!,
        w.GetProperty("version").GetString()!,
        w.GetProperty("action").GetString()!,
        w.GetProperty("decisionId").GetString()!,
        w.GetProperty("reason").GetString()!,
        ParseTime(w.GetProperty("expiresAt").GetString()!));

    // The schema's pattern already fixed the form: yyyy-MM-ddTHH:mm:ss[.fraction]Z.
    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
