namespace Vigie.Core.Impact;

/// <summary>
/// Training compute (METHODS.md): dense transformers C ≈ 6·N·D (Kaplan et al. 2020, §2.1);
/// from hardware C ≈ accelerator-hours × 3600 × peak FLOP/s × utilisation (Epoch AI: 30 % for
/// language models, 40 % otherwise, when unknown). Inference ≈ 2·N FLOP per token.
/// </summary>
public static class TrainingCompute
{
    public const double LanguageModelUtilisation = 0.3;
    public const double OtherUtilisation = 0.4;
    private const string EpochSource = "Epoch AI's default when utilisation is unknown (30 % for language models, 40 % otherwise)";

    public static ComputeEstimate FromParameters(double parameters, double tokens, string suppliedBy = "supplied by the user") => new(
        6 * parameters * tokens,
        "C ≈ 6·N·D FLOP for a dense transformer (Kaplan et al. 2020, §2.1)",
        [new("parameters", parameters, "", ValueOrigin.Supplied, suppliedBy), new("tokens", tokens, "", ValueOrigin.Supplied, suppliedBy)]);

    /// <summary>From accelerator-hours and the accelerator's peak dense throughput; a null utilisation takes Epoch AI's default.</summary>
    public static ComputeEstimate FromHardware(double acceleratorHours, AcceleratorSpec accelerator, double? utilisation, bool languageModel, DataSource tableSource,
        string suppliedBy = "supplied by the user")
    {
        var peak = accelerator.Bf16DenseTflops * 1e12;
        var u = utilisation is { } given
            ? new ImpactInput("utilisation", given, "", ValueOrigin.Supplied, suppliedBy)
            : new ImpactInput("utilisation", languageModel ? LanguageModelUtilisation : OtherUtilisation, "", ValueOrigin.Default, EpochSource);
        return new(
            acceleratorHours * 3600 * peak * u.Value,
            "C ≈ accelerator-hours × 3600 × peak dense BF16 FLOP/s × utilisation (Epoch AI)",
            [
                new("acceleratorHours", acceleratorHours, "h", ValueOrigin.Supplied, suppliedBy),
                new("peakFlopPerSecond", peak, "FLOP/s", ValueOrigin.Default, tableSource.Cite($"{accelerator.Id}: {accelerator.Source}")),
                u,
            ]);
    }

    /// <summary>Inference compute per token of a dense model: 2·N FLOP.</summary>
    public static double InferencePerToken(double parameters) => 2 * parameters;
}
