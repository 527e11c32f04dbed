namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// How Hugging Face card metadata keys map to card fields (huggingface.co/docs/hub/model-cards,
/// "Card metadata"). Fields no Hugging Face key holds travel in a <c>vigie</c> mapping, so a
/// card exported to a README and imported again is the same card.
/// </summary>
internal static class HfKeys
{
    public const string Co2 = "co2_eq_emissions";
    public const string ModelIndex = "model-index";
    public const string Vigie = "vigie";

    /// <summary>Keys whose value is one field (lists may also be written as one string).</summary>
    public static readonly IReadOnlyList<(string Key, string Path)> Simple =
    [
        ("license", "model.license"),
        ("license_name", "model.licenseName"),
        ("license_link", "model.licenseLink"),
        ("language", "technical.languages"),
        ("library_name", "model.libraryName"),
        ("pipeline_tag", "uses.pipelineTag"),
        ("tags", "model.tags"),
        ("datasets", "training.datasets"),
        ("metrics", "evaluation.metrics"),
        ("base_model", "model.baseModels"),
    ];

    /// <summary>The keys of a co2_eq_emissions map (which may also be a bare number of grams).</summary>
    public static readonly IReadOnlyList<(string Key, string Path)> Co2Map =
    [
        ("emissions", "environment.co2eqEmissionsGrams"),
        ("source", "environment.emissionsSource"),
        ("training_type", "training.type"),
        ("geographical_location", "environment.geographicalLocation"),
        ("hardware_used", "training.hardware"),
    ];

    public const string NamePath = "model.name";
    public const string ResultsPath = "evaluation.results";
}
