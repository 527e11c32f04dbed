using System.Globalization;

namespace Vigie.Core.Impact;

/// <summary>
/// Inference compute and energy (METHODS.md): a dense model spends about 2·N FLOP per token. The
/// serving time per million tokens comes from a fleet always on (accelerators × hours per day ÷
/// tokens per day), a measured throughput per accelerator (10^6 ÷ (tokens/s × 3600)
/// accelerator-hours), or a utilisation of the accelerator's peak (throughput = peak FLOP/s ×
/// utilisation ÷ 2·N); metered kWh per day replace power × time. The energy, CO2e and water of that
/// time are <see cref="EnergyCalculator"/>'s, with the same defaults and sources.
/// </summary>
public static class InferenceCalculator
{
    public const double HoursInADay = 24;

    private const double Million = 1e6;

    public static InferenceOutcome Estimate(InferenceRequest r, ReferenceData data)
    {
        if (Check(r) is { } invalid)
        {
            return InferenceOutcome.Fail(invalid);
        }

        var supplied = r.Energy.SuppliedBy;
        var inputs = new List<ImpactInput>();
        var notes = new List<string>();
        if (r.Parameters is { } n)
        {
            inputs.Add(new("parameters", n, "", ValueOrigin.Supplied, supplied));
        }

        if (r.TokensPerDay is { } t)
        {
            inputs.Add(new("tokensPerDay", t, "tokens/day", ValueOrigin.Supplied, supplied));
        }

        var (perDayHours, perMillionHours, scale, error) = ServingTime(r, data, inputs);
        if (error is not null)
        {
            return InferenceOutcome.Fail(error);
        }

        EnergyEstimate? perMillion = null, perDay = null;
        if (r.MeasuredKwhPerDay is { } metered)
        {
            (perDay, error) = Energy(r, data, null, metered, "metered IT energy per day");
            if (error is null && r.TokensPerDay is { } tokens)
            {
                (perMillion, error) = Energy(r, data, null, metered * Million / tokens, "metered IT energy per day × 10^6 ÷ tokens per day");
            }
        }
        else
        {
            if (perDayHours is { } dayHours)
            {
                (perDay, error) = Energy(r, data, dayHours, null, scale!);
            }

            if (error is null && perMillionHours is { } millionHours)
            {
                (perMillion, error) = Energy(r, data, millionHours, null, scale!);
            }
        }

        if (error is not null)
        {
            return InferenceOutcome.Fail(error);
        }

        if (scale is null)
        {
            notes.Add("Energy needs the serving hardware's time: --count (accelerators serving) with --tokens-per-day, --tokens-per-second per accelerator, --utilisation with --accelerator, or --measured-kwh-per-day.");
        }
        else
        {
            if (perMillion is null)
            {
                notes.Add("Per million tokens needs the tokens served per day (--tokens-per-day).");
            }

            if (perDay is null)
            {
                notes.Add("Per day of service needs the tokens served per day (--tokens-per-day), or the fleet serving them (--count).");
            }
        }

        if (r.Parameters is null)
        {
            notes.Add("FLOP per token needs the parameter count (--params).");
        }

        var flopPerToken = r.Parameters is { } p ? TrainingCompute.InferencePerToken(p) : (double?)null;
        var method = "Inference ≈ 2·N FLOP per token for a dense model (METHODS.md, after Kaplan et al. 2020)" +
                     (scale is null ? "." : $"; serving time: {scale}; energy, CO2e and water of that time as for training.");
        return new InferenceOutcome(new InferenceEstimate(
            flopPerToken,
            flopPerToken * Million,
            flopPerToken * r.TokensPerDay,
            r.MeasuredKwhPerDay is null ? perMillionHours : null,
            r.MeasuredKwhPerDay is null ? perDayHours : null,
            perMillion,
            perDay,
            inputs,
            method,
            notes), null);
    }

    /// <summary>Accelerator-hours per day and per million tokens, and how they were reached (null scale: not known).</summary>
    private static (double? PerDay, double? PerMillion, string? Scale, string? Error) ServingTime(InferenceRequest r, ReferenceData data, List<ImpactInput> inputs)
    {
        var supplied = r.Energy.SuppliedBy;
        if (r.MeasuredKwhPerDay is { } metered)
        {
            inputs.Add(new("measuredKwhPerDay", metered, "kWh/day", ValueOrigin.Measured, supplied));
            return (null, null, "metered", null);
        }

        if (r.Count is { } count)
        {
            var hours = r.HoursPerDay is { } h
                ? new ImpactInput("hoursPerDay", h, "h/day", ValueOrigin.Supplied, supplied)
                : new ImpactInput("hoursPerDay", HoursInADay, "h/day", ValueOrigin.Default, "a day of service: the fleet is on 24 hours");
            inputs.Add(new("count", count, "accelerators", ValueOrigin.Supplied, supplied));
            inputs.Add(hours);
            var perDay = count * hours.Value;
            return (perDay, r.TokensPerDay is { } t ? perDay * Million / t : null,
                "accelerators serving × hours per day (per million tokens: ÷ tokens per day × 10^6)", null);
        }

        double throughput;
        string scale;
        if (r.TokensPerSecond is { } s)
        {
            inputs.Add(new("tokensPerSecond", s, "tokens/s per accelerator", ValueOrigin.Supplied, supplied));
            throughput = s;
            scale = "10^6 ÷ (tokens per second per accelerator × 3600) accelerator-hours per million tokens";
        }
        else if (r.Utilisation is { } u)
        {
            if (r.Parameters is not { } n || r.Energy.Accelerator is null || data.Accelerator(r.Energy.Accelerator) is not { } spec)
            {
                return (null, null, null, "--utilisation needs --params and an --accelerator from the table (its peak dense FLOP/s): throughput = peak × utilisation ÷ 2·N.");
            }

            var peak = spec.Bf16DenseTflops * 1e12;
            inputs.Add(new("peakFlopPerSecond", peak, "FLOP/s", ValueOrigin.Default, data.SourceOf(ReferenceData.AcceleratorFile).Cite($"{spec.Id}: {spec.Source}")));
            inputs.Add(new("utilisation", u, "", ValueOrigin.Supplied, supplied));
            throughput = peak * u / TrainingCompute.InferencePerToken(n);
            scale = string.Create(CultureInfo.InvariantCulture,
                $"throughput = peak FLOP/s × utilisation ÷ 2·N = {throughput:0.###} tokens/s per accelerator; 10^6 ÷ (throughput × 3600) accelerator-hours per million tokens");
        }
        else
        {
            return (null, null, null, null);
        }

        var perMillion = Million / (throughput * 3600);
        return (r.TokensPerDay is { } tokens ? tokens / (throughput * 3600) : null, perMillion, scale, null);
    }

    private static (EnergyEstimate? Estimate, string? Error) Energy(InferenceRequest r, ReferenceData data, double? acceleratorHours, double? measuredKwh, string how)
    {
        var request = r.Energy with { AcceleratorHours = acceleratorHours, MeasuredItKwh = measuredKwh, Count = null, Hours = null };
        var outcome = EnergyCalculator.Estimate(request, data);
        if (outcome.Estimate is not { } e)
        {
            return (null, outcome.Error);
        }

        // The hours or kWh were derived here: say from what, rather than "supplied".
        return (e with
        {
            Inputs = [.. e.Inputs.Select(i => i.Name is "acceleratorHours" or "itEnergyKwh" ? i with { Source = "derived: " + how } : i)],
        }, null);
    }

    private static string? Check(InferenceRequest r) =>
        Positive("--params", r.Parameters) ?? Positive("--tokens-per-day", r.TokensPerDay) ?? Positive("--tokens-per-second", r.TokensPerSecond)
        ?? Positive("--count", r.Count) ?? EnergyCalculator.NonNegative("--measured-kwh-per-day", r.MeasuredKwhPerDay)
        ?? (r.Utilisation is { } u && !(double.IsFinite(u) && u > 0 && u <= 1) ? "--utilisation must be above 0 and at most 1." : null)
        ?? (r.HoursPerDay is { } h && !(double.IsFinite(h) && h > 0 && h <= HoursInADay) ? "--hours-per-day must be above 0 and at most 24." : null)
        ?? (r.Parameters is null && r.Count is null && r.TokensPerSecond is null && r.Utilisation is null && r.MeasuredKwhPerDay is null
            ? "Give the parameter count (--params, for 2·N FLOP per token) and how the tokens are served: --count with --tokens-per-day, --tokens-per-second, --utilisation with --accelerator, or --measured-kwh-per-day."
            : null);

    private static string? Positive(string name, double? value) =>
        value is null || (double.IsFinite(value.Value) && value > 0) ? null : $"{name} must be a finite number above 0.";
}
