using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The <c>technical</c> group: architecture, size, modalities, languages and behaviour specification.</summary>
internal static class TechnicalFields
{
    /// <summary>CycloneDX 1.6 modelCard.modelParameters.approach.type.</summary>
    public static readonly IReadOnlyList<string> LearningApproaches =
        ["supervised", "unsupervised", "reinforcement-learning", "semi-supervised", "self-supervised"];

    /// <summary>SPDX 3.0.1 PresenceType, used by ai_autonomyType and ai_useSensitivePersonalInformation.</summary>
    public static readonly IReadOnlyList<string> Presence = ["yes", "no", "noAssertion"];

    public static readonly CardGroup Group = new("technical", "Technical description", [
        Prose("technical.architecture", "Architecture", "The model's architecture.", "CycloneDX modelParameters.modelArchitecture"),
        Text("technical.architectureFamily", "Architecture family", "e.g. transformer, diffusion.", "CycloneDX modelParameters.architectureFamily", 200),
        Integer("technical.parameterCount", "Number of parameters", "The total number of parameters.", 1, 9007199254740992),
        Enum("technical.learningApproach", "Learning approach", "How the model learns.", LearningApproaches, "CycloneDX modelParameters.approach.type"),
        Tokens("technical.typeOfModel", "Type of model", "e.g. language model, classification.", "SPDX ai_typeOfModel"),
        Tokens("technical.inputModalities", "Input modalities", "e.g. text, image, audio.", "CycloneDX modelParameters.inputs[].format"),
        Tokens("technical.outputModalities", "Output modalities", "e.g. text, image.", "CycloneDX modelParameters.outputs[].format"),
        Integer("technical.contextLength", "Context length", "The largest input the model takes, in tokens.", 1, 1e12),
        Tokens("technical.languages", "Languages", "The languages the model supports (ISO 639 codes as Hugging Face uses them).", "HF language", 35),
        Enum("technical.autonomyType", "Autonomy", "Whether the model acts without a human in the loop (SPDX: yes, no, noAssertion).", Presence, "SPDX ai_autonomyType"),
        Map("technical.hyperparameters", "Hyperparameters", "Name = value, one per line.", "SPDX ai_hyperparameter"),
        Prose("technical.specification", "Model specification", "The intended behaviour of the model (the Code of Practice's model specification)."),
        Prose("technical.systemPrompt", "System prompt", "The system prompt deployed with the model."),
    ]);
}
