using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The <c>uses</c> group: what the model is for, for whom, and what it must not be used for.</summary>
internal static class UseFields
{
    public static readonly CardGroup Group = new("uses", "Uses", [
        Tokens("uses.tasks", "Tasks", "The tasks the model is intended to perform.", "CycloneDX modelParameters.task"),
        Text("uses.pipelineTag", "Pipeline tag", "The Hugging Face task the widget and inference API use (text-generation ...).", "HF pipeline_tag", 100),
        Prose("uses.integration", "Integration", "The type and nature of AI systems the model can be integrated in, and the technical means (instructions, infrastructure, tools) that takes."),
        Lines("uses.intended", "Intended uses", "One intended use per line.", "CycloneDX considerations.useCases; SPDX informationAboutApplication"),
        Lines("uses.restrictions", "Use restrictions", "Generally applicable restrictions or conditions on use, and out-of-scope uses; one per line."),
        Prose("uses.acceptableUsePolicy", "Acceptable-use policy", "The acceptable-use policy that applies, or a link to it."),
        Prose("uses.internal", "Internal uses", "How the developer itself uses the model internally."),
        Lines("uses.users", "Intended users", "Who the model is for; one per line.", "CycloneDX considerations.users"),
        Tokens("uses.domains", "Domains", "Domains the model can be used in.", "SPDX ai_domain"),
    ]);
}
