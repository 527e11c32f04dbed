using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Vigie.Core.Policies;

/// <summary>
/// The published JSON Schema (draft 2020-12) of the release dossier, the one document policy
/// rules read. The server serves <see cref="Text"/> at <c>/api/v1/schemas/dossier.json</c>;
/// <c>docs/dossier.md</c> explains every field. The schema and the sample dossier used to dry-run
/// rules are embedded in this assembly, so the published schema is exactly the one rules are
/// checked against.
/// </summary>
public static class DossierSchema
{
    /// <summary>The <c>schemaVersion</c> every dossier of this schema carries.</summary>
    public const int Version = 1;

    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "urn:vigie:schema:release-dossier:1";

    public const string MediaType = "application/schema+json";

    /// <summary>The schema as UTF-8 JSON text.</summary>
    public static string Text { get; } = Resource("dossier.schema.json");

    public static byte[] Utf8 => Encoding.UTF8.GetBytes(Text);

    /// <summary>
    /// A dossier with every field of the schema filled in, as JSON text: what rules are dry-run
    /// against at load, and an example for policy authors.
    /// </summary>
    public static string SampleText { get; } = Resource("dossier.sample.json");

    internal static JsonElement Root { get; } = Parse(Text);

    private static readonly Lazy<JsonSchema> Compiled = new(() => JsonSchema.FromText(Resource("dossier.schema.json")));

    internal static JsonElement Sample { get; } = Parse(SampleText);

    /// <summary>
    /// Checks a dossier against the schema; returns one message per problem (JSON Pointer of the
    /// value, then what is wrong), or none when it conforms. Fast: see <see cref="SchemaCheck"/>.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonElement dossier) => SchemaCheck.Validate(dossier);

    /// <summary>
    /// The same check by a general JSON Schema 2020-12 validator (JsonSchema.Net): the reference
    /// <see cref="Validate"/> is tested against, and a second opinion for tools.
    /// </summary>
    internal static IReadOnlyList<string> ValidateWithJsonSchemaNet(JsonElement dossier)
    {
        if (Compiled.Value.Evaluate(dossier, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid)
        {
            return [];
        }

        var result = Compiled.Value.Evaluate(dossier, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return [.. Flatten(result)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{Where(r.InstanceLocation.ToString())}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static string Where(string pointer) => pointer.Length == 0 ? "the dossier" : pointer;

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults result) =>
        result.Details is null ? [result] : [result, .. result.Details.SelectMany(Flatten)];

    private static string Resource(string name)
    {
        using var stream = typeof(DossierSchema).Assembly.GetManifestResourceStream("Vigie.Core.Policies." + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from Vigie.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
