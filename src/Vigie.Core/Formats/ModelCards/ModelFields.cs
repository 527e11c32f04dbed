using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The <c>model</c> group: what the model is, who makes it, how it is released and licensed.</summary>
internal static class ModelFields
{
    public static readonly CardGroup Group = new("model", "Model", [
        Text("model.name", "Name", "The model's name as published.", "HF model-index[0].name; CycloneDX component.name; SPDX name", 200),
        Text("model.version", "Version", "The version this card describes (the Code of Practice Model Report lists model versions).", "CycloneDX component.version; SPDX software_packageVersion", 100),
        Prose("model.summary", "Summary", "A short description of the model.", "CycloneDX component.description; SPDX summary"),
        Text("model.developer", "Developer", "The organisation that develops the model.", "CycloneDX publisher and supplier; SPDX suppliedBy", 200),
        Url("model.website", "Developer website", "The developer's internet website (SB 53 transparency report).", "CycloneDX externalReferences[website]; SPDX software_homePage"),
        Text("model.contact", "Contact", "How a person can reach the developer: an e-mail address, a form URL or a postal address.", "", 500),
        Date("model.releaseDate", "Release date", "The date the model is or was released, yyyy-MM-dd.", "SPDX releaseTime"),
        Prose("model.distribution", "Methods of distribution", "How the model is distributed: API, downloadable weights, products (EU AI Act Annex XI)."),
        Text("model.license", "Licence", "The licence identifier, as Hugging Face writes it (apache-2.0, mit, other ...).", "HF license; CycloneDX licenses; SPDX hasDeclaredLicense", 100),
        Text("model.licenseName", "Licence name", "For license 'other': the licence's name.", "HF license_name", 200),
        Text("model.licenseLink", "Licence link", "For license 'other': a link to the licence text (may be relative, e.g. LICENSE).", "HF license_link", 2000),
        Tokens("model.baseModels", "Base models", "The models this one was fine-tuned, adapted or merged from.", "HF base_model; CycloneDX pedigree.ancestors"),
        Text("model.libraryName", "Library", "The library that loads the model (transformers, diffusers ...).", "HF library_name", 100),
        Tokens("model.tags", "Tags", "Free tags.", "HF tags; CycloneDX tags"),
    ]);
}
