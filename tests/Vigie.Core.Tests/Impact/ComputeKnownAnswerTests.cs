using Vigie.Core.Impact;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>Training compute known answers (METHODS.md "Training compute") and the legal thresholds.</summary>
public sealed class ComputeKnownAnswerTests
{
    [Fact]
    public void Gpt3_175BParameters_300BTokens_Is3point15e23()
    {
        var c = TrainingCompute.FromParameters(175e9, 300e9);
        Assert.Equal(3.15e23, c.Flop, 3.15e23 * 1e-12);
        Assert.Empty(c.Crosses);
    }

    [Fact]
    public void Llama2_70B_2TTokens_Is8point4e23() =>
        Assert.Equal(8.4e23, TrainingCompute.FromParameters(70e9, 2e12).Flop, 8.4e23 * 1e-12);

    [Fact]
    public void Thresholds_AreStrictlyGreaterThan_AsTheLawsSay()
    {
        Assert.Empty(ComputeThresholds.CrossedBy(1e25));
        Assert.Equal(["eu-ai-act-systemic-risk"], ComputeThresholds.CrossedBy(1.0000001e25).Select(t => t.Id));
        Assert.Equal(["eu-ai-act-systemic-risk"], ComputeThresholds.CrossedBy(1e26).Select(t => t.Id));
        Assert.Equal(["eu-ai-act-systemic-risk", "sb53-frontier-model", "raise-frontier-model"], ComputeThresholds.CrossedBy(1.1e26).Select(t => t.Id));
    }

    [Fact]
    public void FromHardware_IsHoursTimes3600TimesPeakTimesUtilisation_WithEpochsDefault()
    {
        var h100 = ReferenceData.Shipped.Accelerator("H100-SXM")!;
        var source = ReferenceData.Shipped.SourceOf(ReferenceData.AcceleratorFile);
        var c = TrainingCompute.FromHardware(1e6, h100, null, languageModel: true, source);
        Assert.Equal(1e6 * 3600 * 989e12 * 0.3, c.Flop, 1e12);
        Assert.Equal(ValueOrigin.Default, c.Inputs.Single(i => i.Name == "utilisation").Origin);
        Assert.Equal(0.4, TrainingCompute.FromHardware(1, h100, null, languageModel: false, source).Inputs.Single(i => i.Name == "utilisation").Value);
        Assert.Equal(2 * 7e9, TrainingCompute.InferencePerToken(7e9));
    }
}
