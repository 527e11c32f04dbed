using static Vigie.Core.Formats.ModelCards.FieldFactory;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>The <c>training</c> group: method, data, compute, time and energy.</summary>
internal static class TrainingFields
{
    public static readonly CardGroup Group = new("training", "Training", [
        Prose("training.methodology", "Training methodology", "Training methods and techniques.", "SPDX ai_informationAboutTraining"),
        Prose("training.designChoices", "Key design choices", "The key design choices, their rationale and assumptions; what the model is optimised for."),
        Prose("training.data", "Training data", "The data used for training, testing and validation: type, provenance, scope, main characteristics, how it was obtained and selected."),
        Prose("training.dataCuration", "Data curation", "Curation methods (cleaning, filtering ...) and measures to detect unsuitable sources and identifiable biases."),
        Tokens("training.datasets", "Datasets", "Dataset identifiers.", "HF datasets; CycloneDX modelParameters.datasets"),
        Lines("training.dataPreprocessing", "Data preprocessing", "Preprocessing steps, one per line.", "SPDX ai_modelDataPreprocessing"),
        Integer("training.tokens", "Training tokens", "The number of tokens (or data points) trained on.", 0, 9007199254740992),
        Number("training.computeFlop", "Training compute (FLOP)", "Floating-point operations used to train, counting fine-tuning and other later modification, e.g. 3.8e25.", 0, 1e40),
        Text("training.type", "Training type", "pre-training, fine-tuning ...", "HF co2_eq_emissions.training_type", 100),
        Date("training.startDate", "Training start", "yyyy-MM-dd."),
        Date("training.endDate", "Training end", "yyyy-MM-dd."),
        Number("training.durationHours", "Training time (hours)", "Wall-clock training time in hours.", 0, 1e9),
        Text("training.hardware", "Hardware", "The accelerators used, e.g. 384 NVIDIA A100 80GB.", "HF co2_eq_emissions.hardware_used", 500),
        Number("training.acceleratorHours", "Accelerator-hours", "Accelerator (GPU/TPU) hours used.", 0, 1e15),
        Number("training.energyKwh", "Energy consumption (kWh)", "Known or estimated energy used to train, in kilowatt-hours.", 0, 1e15, "CycloneDX energyConsumptions[].activityEnergyCost; SPDX ai_energyConsumption"),
        Prose("training.energyMethod", "Energy estimation method", "How the energy figure was measured or estimated (it may be estimated from the compute used)."),
    ]);
}
