using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Writes a card as a CycloneDX 1.6 BOM (JSON): one component of type
/// <c>machine-learning-model</c> carrying the card as its <c>modelCard</c>. Fields CycloneDX has no
/// place for (the legal ones) are modelCard properties named <c>vigie:&lt;path&gt;</c>.
/// </summary>
public static class CycloneDxCard
{
    public const string MediaType = "application/vnd.cyclonedx+json";

    /// <summary>The fields the component itself carries (the model card part adds its own).</summary>
    private static readonly string[] ComponentPaths =
        ["model.name", "model.version", "model.summary", "model.developer", "model.website", "model.license", "model.baseModels", "model.tags"];

    public static JsonObject Write(ModelCard card, CardExportOptions options)
    {
        var (modelCard, placed) = CycloneDxModelCard.Write(card);
        var component = new JsonObject
        {
            ["bom-ref"] = "model",
            ["type"] = "machine-learning-model",
        };
        if (card.Text("model.developer") is { } developer)
        {
            component["supplier"] = new JsonObject { ["name"] = developer };
            component["publisher"] = developer;
        }

        component["name"] = card.Text("model.name") ?? options.FallbackName;
        if ((card.Text("model.version") ?? options.FallbackVersion) is { } version)
        {
            component["version"] = version;
        }

        if (card.Text("model.summary") is { } summary)
        {
            component["description"] = summary;
        }

        if (card.Text("model.license") is { } license)
        {
            component["licenses"] = new JsonArray(new JsonObject { ["license"] = License(license, card) });
        }

        if (card.Text("model.website") is { } website)
        {
            component["externalReferences"] = new JsonArray(new JsonObject { ["type"] = "website", ["url"] = website });
        }

        if (card.List("model.baseModels") is { Count: > 0 } bases)
        {
            component["pedigree"] = new JsonObject
            {
                ["ancestors"] = new JsonArray([.. bases.Select((b, i) => (JsonNode)new JsonObject
                {
                    ["bom-ref"] = "base-model-" + i.ToString(CultureInfo.InvariantCulture),
                    ["type"] = "machine-learning-model",
                    ["name"] = b,
                })]),
            };
        }

        if (card.List("model.tags") is { Count: > 0 } tags)
        {
            component["tags"] = new JsonArray([.. tags.Distinct(StringComparer.Ordinal).Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        var properties = CardProperties.Of(card, new HashSet<string>([.. ComponentPaths, .. placed], StringComparer.Ordinal)).ToList();
        if (properties.Count > 0)
        {
            modelCard["properties"] = new JsonArray([.. properties.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["value"] = p.Value })]);
        }

        if (modelCard.Count > 0)
        {
            component["modelCard"] = modelCard;
        }

        return new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = SerialNumber(card, options.Time),
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = options.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "Vigie" }),
                },
            },
            ["components"] = new JsonArray(component),
        };
    }

    /// <summary>An SPDX id where Hugging Face's identifier names one; otherwise the licence by name (and link).</summary>
    private static JsonObject License(string license, ModelCard card)
    {
        if (LicenseIds.SpdxId(license) is { } id)
        {
            return new JsonObject { ["id"] = id };
        }

        var named = new JsonObject { ["name"] = card.Text("model.licenseName") ?? license };
        if (card.Text("model.licenseLink") is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            named["url"] = link;
        }

        return named;
    }

    /// <summary>RFC 4122 layout, derived from the card digest and export time so the same export is the same BOM.</summary>
    private static string SerialNumber(ModelCard card, DateTimeOffset time)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(card.Sha256 + "|" + time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom (RFC 9562 §5.8)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
