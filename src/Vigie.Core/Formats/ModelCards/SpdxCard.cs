using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Writes a card as an SPDX 3.0.1 document in JSON-LD: an <c>ai_AIPackage</c> (AI profile) in
/// the document's <c>@graph</c>, with its declared licence, the base models it descends from and
/// the datasets it was trained on as related elements.
/// </summary>
public static class SpdxCard
{
    public const string Context = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
    public const string MediaType = "application/spdx+json";
    internal const string CreationInfoId = "_:creationinfo";

    public static JsonObject Write(ModelCard card, CardExportOptions options)
    {
        var ns = options.DocumentUri ?? "urn:vigie:model-card:" + card.Sha256;
        string Id(string local) => ns + "#" + local;
        var graph = new JsonArray();
        var elements = new List<string>();
        void Add(JsonObject element)
        {
            graph.Add(element);
            elements.Add((string)element["spdxId"]!);
        }

        graph.Add(new JsonObject
        {
            ["type"] = "CreationInfo",
            ["@id"] = CreationInfoId,
            ["specVersion"] = "3.0.1",
            ["created"] = options.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["createdBy"] = new JsonArray(Id("creator")),
            ["createdUsing"] = new JsonArray(Id("tool")),
        });
        Add(Element("Agent", Id("creator"), options.Creator));
        Add(Element("Tool", Id("tool"), "Vigie"));

        string? supplier = null;
        if (card.Text("model.developer") is { } developer)
        {
            supplier = Id("developer");
            Add(Element("Organization", supplier, developer));
        }

        var model = Id("model");
        Add(SpdxAiPackage.Write(card, options, model, supplier));
        if (card.Text("model.license") is { } license)
        {
            var licenseElement = new JsonObject
            {
                ["type"] = "simplelicensing_LicenseExpression",
                ["spdxId"] = Id("license"),
                ["creationInfo"] = CreationInfoId,
                ["simplelicensing_licenseExpression"] = LicenseIds.SpdxExpression(license),
            };
            Add(licenseElement);
            Add(Relationship(Id("declared-license"), model, "hasDeclaredLicense", [Id("license")]));
        }

        var bases = card.List("model.baseModels");
        for (var i = 0; i < bases.Count; i++)
        {
            Add(Element("ai_AIPackage", Id("base-model-" + SpdxAiPackage.Index(i)), bases[i]));
        }

        if (bases.Count > 0)
        {
            Add(Relationship(Id("descends-from"), model, "descendantOf", [.. bases.Select((_, i) => Id("base-model-" + SpdxAiPackage.Index(i)))]));
        }

        var datasets = card.List("training.datasets");
        for (var i = 0; i < datasets.Count; i++)
        {
            var dataset = Element("dataset_DatasetPackage", Id("dataset-" + SpdxAiPackage.Index(i)), datasets[i]);
            dataset["dataset_datasetType"] = new JsonArray("noAssertion");
            Add(dataset);
        }

        if (datasets.Count > 0)
        {
            Add(Relationship(Id("trained-on"), model, "trainedOn", [.. datasets.Select((_, i) => Id("dataset-" + SpdxAiPackage.Index(i)))]));
        }

        var profiles = new JsonArray("core", "software", "ai");
        if (datasets.Count > 0)
        {
            profiles.Add("dataset");
        }

        graph.Add(new JsonObject
        {
            ["type"] = "SpdxDocument",
            ["spdxId"] = Id("document"),
            ["creationInfo"] = CreationInfoId,
            ["name"] = $"Model card of {card.Text("model.name") ?? options.FallbackName}",
            ["profileConformance"] = profiles,
            ["element"] = new JsonArray([.. elements.Select(e => (JsonNode)JsonValue.Create(e))]),
            ["rootElement"] = new JsonArray(model),
        });
        return new JsonObject { ["@context"] = Context, ["@graph"] = graph };
    }

    private static JsonObject Element(string type, string id, string name) => new()
    {
        ["type"] = type,
        ["spdxId"] = id,
        ["creationInfo"] = CreationInfoId,
        ["name"] = name,
    };

    private static JsonObject Relationship(string id, string from, string type, IEnumerable<string> to) => new()
    {
        ["type"] = "Relationship",
        ["spdxId"] = id,
        ["creationInfo"] = CreationInfoId,
        ["from"] = from,
        ["relationshipType"] = type,
        ["to"] = new JsonArray([.. to.Select(t => (JsonNode)JsonValue.Create(t))]),
    };
}
