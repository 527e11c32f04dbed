using System.CommandLine;
using System.Globalization;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>
/// The options that estimate training compute (METHODS.md "Training compute"): 6·N·D from
/// <c>--params</c> and the command's tokens, or from hardware with <c>--accelerator</c>, the
/// command's accelerator-hours and <c>--utilisation</c> (Epoch AI's default when absent). Shared by
/// <c>vigie impact compute</c> (offline) and <c>vigie runs add</c> (a run's recorded FLOP).
/// </summary>
internal sealed class ComputeOptions
{
    public Option<double?> Parameters { get; } = new("--params") { Description = "Parameters N, e.g. 7e10 (compute = 6·N·D with the training tokens)." };

    public Option<string?> Accelerator { get; } = new("--accelerator") { Description = "From hardware instead: the accelerator type (peak dense BF16 from the table), with the accelerator-hours." };

    public Option<double?> Utilisation { get; } = new("--utilisation") { Description = "From hardware: utilisation 0-1 (default Epoch AI's 0.3 for language models)." };

    public Option<bool> NotLanguageModel { get; } = new("--not-language-model") { Description = "From hardware: use Epoch AI's 0.4 default for models other than language models." };

    public Option<string?> Data { get; } = new("--data") { Description = "A directory with your own accelerator table." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Parameters, Accelerator, Utilisation, NotLanguageModel, Data })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether any option asks for an estimate.</summary>
    public bool Asked(ParseResult parse) => parse.GetValue(Parameters) is not null || parse.GetValue(Accelerator) is not null;

    /// <summary>The estimate the options ask for, or a usage failure naming what to give.</summary>
    public ComputeEstimate Estimate(ParseResult parse, double? tokens, double? acceleratorHours, string tokensOption)
    {
        if (parse.GetValue(Parameters) is { } n)
        {
            if (tokens is not { } d)
            {
                throw new CliFailure(ExitCodes.Usage, $"--params needs {tokensOption} (compute = 6·N·D).");
            }

            if (!(double.IsFinite(n) && n > 0 && double.IsFinite(d) && d > 0))
            {
                throw new CliFailure(ExitCodes.Usage, $"--params and {tokensOption} must be numbers above 0.");
            }

            return TrainingCompute.FromParameters(n, d);
        }

        if (parse.GetValue(Accelerator) is { } id)
        {
            if (acceleratorHours is not { } h)
            {
                throw new CliFailure(ExitCodes.Usage, "--accelerator needs --accelerator-hours (compute from hardware).");
            }

            var table = ImpactText.Data(parse.GetValue(Data));
            var spec = table.Accelerator(id) ?? throw new CliFailure(ExitCodes.Usage,
                $"'{id}' is not in the accelerator table; known: {string.Join(", ", table.Accelerators.Keys.Order(StringComparer.Ordinal))}.");
            var u = parse.GetValue(Utilisation);
            if (u is not null and (<= 0 or > 1) || !(double.IsFinite(h) && h >= 0))
            {
                throw new CliFailure(ExitCodes.Usage, "--utilisation must be above 0 and at most 1, and --accelerator-hours a number ≥ 0.");
            }

            return TrainingCompute.FromHardware(h, spec, u, !parse.GetValue(NotLanguageModel), table.SourceOf(ReferenceData.AcceleratorFile));
        }

        throw new CliFailure(ExitCodes.Usage, $"Give --params and {tokensOption} (6·N·D), or --accelerator and --accelerator-hours (from hardware).");
    }

    /// <summary>One line saying how a recorded figure was estimated, with every input, for a run's notes.</summary>
    public static string Describe(ComputeEstimate e) =>
        string.Create(CultureInfo.InvariantCulture, $"Compute {e.Flop:0.###E+0} FLOP estimated with vigie: {e.Method}; ")
        + string.Join(", ", e.Inputs.Select(i => $"{i.Name} {Figure(i.Value)}{(i.Unit.Length == 0 ? "" : " " + i.Unit)} ({i.OriginName})"))
        + ".";

    private static string Figure(double v) => v.ToString(Math.Abs(v) >= 1e6 ? "0.###E+0" : "0.####", CultureInfo.InvariantCulture);
}
