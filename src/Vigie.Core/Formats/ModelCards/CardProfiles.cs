namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// The required-field profiles Vigie ships. Each requirement cites the clause it comes from, as
/// summarised in the project's reference notes (docs/decisions/0008-model-cards.md says how to
/// read the citations).
/// </summary>
public static class CardProfiles
{
    private const string Sb53 = "Cal. Bus. & Prof. Code §22757.12";
    private const string Sb53Large = " (large frontier developers)";
    private const string AnnexXi = "Regulation (EU) 2024/1689 Art. 53(1)(a), Annex XI Section 1";
    private const string Cop = "GPAI Code of Practice, Safety and Security chapter, Commitment 7 (Model Report)";
    private const string Hf = "Hugging Face Hub model card metadata";

    public static CardProfile Sb53Transparency { get; } = new("sb53-transparency",
        "California SB 53 transparency report",
        "Transparency in Frontier Artificial Intelligence Act (SB 53, 2025): the report published before or when a new or substantially modified frontier model is deployed; a model card may serve as the report.",
        [
            new("model.website", $"{Sb53}(c)(1)(A): the internet website of the frontier developer"),
            new("model.contact", $"{Sb53}(c)(1)(B): a mechanism that enables a natural person to communicate with the developer"),
            new("model.releaseDate", $"{Sb53}(c)(1)(C): the release date of the frontier model"),
            new("technical.languages", $"{Sb53}(c)(1)(D): the languages supported"),
            new("technical.outputModalities", $"{Sb53}(c)(1)(E): the modalities of output supported"),
            new("uses.intended", $"{Sb53}(c)(1)(F): the intended uses"),
            new("uses.restrictions", $"{Sb53}(c)(1)(G): generally applicable restrictions or conditions on uses"),
            new("risk.catastrophicRiskAssessments", $"{Sb53}(c)(2)(A){Sb53Large}: summary of catastrophic-risk assessments under the frontier AI framework"),
            new("risk.catastrophicRiskResults", $"{Sb53}(c)(2)(B){Sb53Large}: summary of the results of those assessments"),
            new("risk.thirdPartyEvaluators", $"{Sb53}(c)(2)(C){Sb53Large}: the extent to which third-party evaluators were involved"),
            new("risk.frameworkSteps", $"{Sb53}(c)(2)(D){Sb53Large}: other steps taken to fulfil the frontier AI framework"),
        ]);

    public static CardProfile EuAnnexXi { get; } = new("eu-annex-xi",
        "EU AI Act Annex XI technical documentation (general-purpose AI models)",
        "Regulation (EU) 2024/1689, Art. 53(1)(a) and Annex XI Section 1: the technical documentation every provider of a general-purpose AI model keeps for the AI Office and national authorities.",
        [
            new("uses.tasks", $"{AnnexXi}, point 1(a): the tasks the model is intended to perform"),
            new("uses.integration", $"{AnnexXi}, points 1(a) and 2(a): the AI systems it can be integrated in, and the technical means for integration"),
            new("uses.acceptableUsePolicy", $"{AnnexXi}, point 1(b): the acceptable use policies applicable"),
            new("model.releaseDate", $"{AnnexXi}, point 1(c): the date of release"),
            new("model.distribution", $"{AnnexXi}, point 1(c): methods of distribution"),
            new("technical.architecture", $"{AnnexXi}, point 1(d): the architecture"),
            new("technical.parameterCount", $"{AnnexXi}, point 1(d): the number of parameters"),
            new("technical.inputModalities", $"{AnnexXi}, point 1(e): modality and format of inputs"),
            new("technical.outputModalities", $"{AnnexXi}, point 1(e): modality and format of outputs"),
            new("model.license", $"{AnnexXi}, point 1(f): the licence"),
            new("training.methodology", $"{AnnexXi}, point 2(b): training methodologies and techniques"),
            new("training.designChoices", $"{AnnexXi}, point 2(b): key design choices, rationale and assumptions"),
            new("training.data", $"{AnnexXi}, point 2(c): data used for training, testing and validation: type, provenance, characteristics"),
            new("training.dataCuration", $"{AnnexXi}, point 2(c): curation methodologies and measures against unsuitable data and bias"),
            new("training.computeFlop", $"{AnnexXi}, point 2(d): computational resources used to train (floating-point operations)"),
            new("training.durationHours", $"{AnnexXi}, point 2(d): training time") { Or = [["training.startDate", "training.endDate"]] },
            new("training.energyKwh", $"{AnnexXi}, point 2(e): known or estimated energy consumption"),
        ]);

    public static CardProfile CopModelReport { get; } = new("cop-model-report",
        "GPAI Code of Practice Model Report",
        "General-Purpose AI Code of Practice (2025-07-10), Safety and Security chapter: the Model Report given to the AI Office before placing a model with systemic risk on the market.",
        [
            new("technical.architecture", $"{Cop}: model architecture"),
            new("uses.intended", $"{Cop}: intended uses"),
            new("uses.internal", $"{Cop}: internal uses"),
            new("model.version", $"{Cop}: model versions"),
            new("technical.specification", $"{Cop}: model specification"),
            new("technical.systemPrompt", $"{Cop}: the system prompt"),
            new("risk.acceptability", $"{Cop}: why the systemic risk is acceptable"),
            new("risk.invalidatingConditions", $"{Cop}: what would invalidate that justification"),
            new("risk.decisionProcess", $"{Cop}: the decision process"),
            new("evaluation.method", $"{Cop}: evaluations and their method"),
            new("evaluation.elicitation", $"{Cop}: elicitation used in evaluations"),
            new("evaluation.results", $"{Cop}: evaluation results"),
            new("risk.mitigations", $"{Cop}: mitigations and their limits"),
            new("risk.developmentOutlook", $"{Cop}: development outlook for the next 6 months"),
        ]);

    public static CardProfile HfBasic { get; } = new("hf-basic",
        "Hugging Face basic card",
        "The metadata Hugging Face asks a model card to carry (huggingface.co/docs/hub/model-cards), and a prose body.",
        [
            new("model.license", $"{Hf}: license"),
            new("technical.languages", $"{Hf}: language"),
            new("uses.pipelineTag", $"{Hf}: pipeline_tag"),
            new("model.libraryName", $"{Hf}: library_name"),
            new("training.datasets", $"{Hf}: datasets"),
            new("sections", "Hugging Face model card guide: the README body describes the model, its uses and limitations"),
        ]);

    public static IReadOnlyList<CardProfile> All { get; } = [Sb53Transparency, EuAnnexXi, CopModelReport, HfBasic];

    public static CardProfile? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    public static string Names => string.Join(", ", All.Select(p => p.Id));
}
