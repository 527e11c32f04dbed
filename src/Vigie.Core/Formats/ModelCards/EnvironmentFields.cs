using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The <c>environment</c> group: emissions, as Hugging Face's co2_eq_emissions records them.</summary>
internal static class EnvironmentFields
{
    public static readonly CardGroup Group = new("environment", "Environmental impact", [
        Number("environment.co2eqEmissionsGrams", "CO₂-equivalent emissions (g)", "Emissions of training, in grams of CO₂ equivalent.", 0, 1e18, "HF co2_eq_emissions[.emissions]; CycloneDX co2CostEquivalent (tCO2eq)"),
        Number("environment.co2OffsetGrams", "CO₂ offset (g)", "Emissions offset, in grams of CO₂ equivalent.", 0, 1e18, "CycloneDX co2CostOffset (tCO2eq)"),
        Text("environment.emissionsSource", "Emissions source", "How the emissions were measured (CodeCarbon, ML CO2 impact ...).", "HF co2_eq_emissions.source", 500),
        Text("environment.geographicalLocation", "Location", "Where training ran.", "HF co2_eq_emissions.geographical_location", 200),
    ]);
}
