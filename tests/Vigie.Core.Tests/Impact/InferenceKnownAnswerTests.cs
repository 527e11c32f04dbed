using Vigie.Core.Impact;
using Xunit;

namespace Vigie.Core.Tests.Impact;

/// <summary>Inference per million tokens and per day (METHODS.md: inference ≈ 2·N FLOP per token; energy as the ML CO2 Impact method).</summary>
public sealed class InferenceKnownAnswerTests
{
    private static InferenceEstimate Estimate(InferenceRequest request)
    {
        var outcome = InferenceCalculator.Estimate(request, ReferenceData.Shipped);
        Assert.Null(outcome.Error);
        return outcome.Estimate!;
    }

    [Theory]
    [InlineData(70e9, 1.4e11)]   // Llama 2 70B
    [InlineData(175e9, 3.5e11)]  // GPT-3
    public void FlopPerToken_IsTwiceTheParameters(double parameters, double flop)
    {
        var e = Estimate(new InferenceRequest { Parameters = parameters, TokensPerDay = 2e9 });
        Assert.Equal(flop, e.FlopPerToken!.Value, 1e-6 * flop);
        Assert.Equal(flop * 1e6, e.FlopPerMillionTokens!.Value, 1e-6 * flop * 1e6);
        Assert.Equal(flop * 2e9, e.FlopPerDay!.Value, 1e-6 * flop * 2e9);
        Assert.Null(e.PerMillionTokens);
        Assert.Contains(e.Notes, n => n.Contains("serving hardware", StringComparison.Ordinal));
    }

    [Fact]
    public void AThroughputGiving100AcceleratorHoursPerMillionTokens_At300W_Is30KwhAnd12point9KgPerMillion()
    {
        // 10^6 tokens ÷ (2.7778 tokens/s × 3600) = 100 accelerator-hours: the ML CO2 Impact vector, 300 W × 100 h at 0.43 kg/kWh.
        var e = Estimate(new InferenceRequest
        {
            TokensPerSecond = 1e6 / (100 * 3600.0),
            TokensPerDay = 2e6,
            Energy = new EnergyRequest { PowerWatts = 300, Pue = 1, GridIntensity = 430 },
        });
        Assert.Equal(100, e.AcceleratorHoursPerMillionTokens!.Value, 9);
        Assert.Equal(30.0, e.PerMillionTokens!.ItEnergyKwh, 9);
        Assert.Equal(12.9, e.PerMillionTokens.LocationCo2eKg!.Value, 9);
        Assert.Equal(60.0, e.PerDay!.ItEnergyKwh, 9);
        Assert.StartsWith("derived: ", e.PerMillionTokens.Input("acceleratorHours")!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void AFleetOnFourHoursADay_ServingTwoMillionTokens_IsTheMlCo2VectorPerDay_AndHalfOfItPerMillion()
    {
        var e = Estimate(new InferenceRequest
        {
            Count = 25, HoursPerDay = 4, TokensPerDay = 2e6,
            Energy = new EnergyRequest { PowerWatts = 300, Pue = 1, GridIntensity = 430 },
        });
        Assert.Equal(100, e.AcceleratorHoursPerDay!.Value, 9);
        Assert.Equal(30.0, e.PerDay!.ItEnergyKwh, 9);
        Assert.Equal(12.9, e.PerDay.LocationCo2eKg!.Value, 9);
        Assert.Equal(15.0, e.PerMillionTokens!.ItEnergyKwh, 9);
    }

    [Fact]
    public void AFleetWithoutHoursPerDay_IsOnAllDay_AndSaysSo()
    {
        var e = Estimate(new InferenceRequest { Count = 8, Energy = new EnergyRequest { Accelerator = "H100-SXM", Pue = 1, GridIntensity = 100 } });
        var hours = e.Inputs.Single(i => i.Name == "hoursPerDay");
        Assert.Equal(ValueOrigin.Default, hours.Origin);
        Assert.Equal(8 * 24 * 0.7, e.PerDay!.ItEnergyKwh, 9);
        Assert.Null(e.PerMillionTokens);
        Assert.Contains(e.Notes, n => n.Contains("--tokens-per-day", StringComparison.Ordinal));
    }

    [Fact]
    public void FromUtilisation_ThroughputIsPeakTimesUtilisationOverTwoN()
    {
        var spec = ReferenceData.Shipped.Accelerator("H100-SXM")!;
        var e = Estimate(new InferenceRequest { Parameters = 7e9, Utilisation = 0.1, Energy = new EnergyRequest { Accelerator = "H100-SXM" } });
        var throughput = spec.Bf16DenseTflops * 1e12 * 0.1 / (2 * 7e9);
        Assert.Equal(1e6 / (throughput * 3600), e.AcceleratorHoursPerMillionTokens!.Value, 9);
        Assert.Equal(ValueOrigin.Default, e.Inputs.Single(i => i.Name == "peakFlopPerSecond").Origin);
    }

    [Fact]
    public void MeteredEnergyPerDay_IsMeasured_AndScaledPerMillionTokens()
    {
        var e = Estimate(new InferenceRequest { MeasuredKwhPerDay = 120, TokensPerDay = 4e6, Energy = new EnergyRequest { Pue = 1.5, GridIntensity = 50 } });
        Assert.Equal(30, e.PerMillionTokens!.ItEnergyKwh, 9);
        Assert.Equal(45, e.PerMillionTokens.FacilityEnergyKwh, 9);
        Assert.Equal(ValueOrigin.Measured, e.Inputs.Single(i => i.Name == "measuredKwhPerDay").Origin);
    }

    [Theory]
    [InlineData(null, null, null, null, "--params")]
    [InlineData(-1.0, null, null, null, "--params must be")]
    [InlineData(7e9, 0.0, null, null, "--utilisation must be")]
    [InlineData(7e9, 0.3, null, null, "--utilisation needs")]
    [InlineData(7e9, null, 0.0, null, "--tokens-per-second must be")]
    [InlineData(7e9, null, null, 25.0, "--hours-per-day must be")]
    public void BadRequests_SayWhatToGive(double? parameters, double? utilisation, double? throughput, double? hoursPerDay, string expected)
    {
        var outcome = InferenceCalculator.Estimate(new InferenceRequest
        {
            Parameters = parameters, Utilisation = utilisation, TokensPerSecond = throughput, HoursPerDay = hoursPerDay, Count = hoursPerDay is null ? null : 1,
        }, ReferenceData.Shipped);
        Assert.Null(outcome.Estimate);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
    }
}
