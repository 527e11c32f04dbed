using System.Text.Json;
using Json.Schema;

namespace Vigie.Interop.Tests;

/// <summary>
/// The official CycloneDX 1.6 and SPDX 3.0.1 JSON schemas from the shared real-world folder,
/// built with JsonSchema.Net. bom-1.6.schema.json refers to spdx.schema.json and
/// jsf-0.82.schema.json by relative $ref, so both are registered under the URIs those references
/// resolve to (their own $id values) before the BOM schema is built.
/// </summary>
internal static class OfficialSchemas
{
    private static readonly Lazy<JsonSchema> Bom = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(Read("cyclonedx/spdx.schema.json"), options, new Uri("http://cyclonedx.org/schema/spdx.schema.json"));
        JsonSchema.FromText(Read("cyclonedx/jsf-0.82.schema.json"), options, new Uri("http://cyclonedx.org/schema/jsf-0.82.schema.json"));
        return JsonSchema.FromText(Read("cyclonedx/bom-1.6.schema.json"), options, new Uri("http://cyclonedx.org/schema/bom-1.6.schema.json"));
    });

    private static readonly Lazy<JsonSchema> Spdx = new(() =>
        JsonSchema.FromText(Read("spdx/spdx-json-schema-3.0.1.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri("https://spdx.org/schema/3.0.1/spdx-json-schema.json")));

    public static IReadOnlyList<string> CycloneDxErrors(string json) => Errors(Bom.Value, json);

    public static IReadOnlyList<string> SpdxErrors(string json) => Errors(Spdx.Value, json);

    /// <summary>Every failing location with its messages; empty when the instance is valid.</summary>
    private static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);

        // The flag form stops at the first failure and skips collecting details: SPDX's schema
        // (anyOf over every class, unevaluatedProperties) is slow to evaluate in full.
        if (schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid)
        {
            return [];
        }

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation} ({d.SchemaLocation}): {string.Join("; ", d.Errors!.Values)}")
            .DefaultIfEmpty("invalid (no details)")];
    }

    private static string Read(string relative) => File.ReadAllText(RealWorld.PathOf(relative));
}
