using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact compute: training compute from parameters and tokens (6·N·D) or from hardware, and the legal thresholds it crosses.</summary>
internal static class ImpactComputeCommand
{
    public static Command Create(CliApp app)
    {
        var parameters = new Option<double?>("--params") { Description = "Parameters N, e.g. 7e10." };
        var tokens = new Option<double?>("--tokens") { Description = "Training tokens D, e.g. 2e12." };
        var accelerator = new Option<string?>("--accelerator") { Description = "From hardware instead: the accelerator type (peak dense BF16 from the table)." };
        var hours = new Option<double?>("--accelerator-hours") { Description = "From hardware: accelerator-hours." };
        var utilisation = new Option<double?>("--utilisation") { Description = "From hardware: utilisation 0-1 (default Epoch AI's 0.3 for language models)." };
        var notLanguage = new Option<bool>("--not-language-model") { Description = "From hardware: use Epoch AI's 0.4 default for models other than language models." };
        var data = new Option<string?>("--data") { Description = "A directory with your own accelerator table." };
        var command = new Command("compute", "Estimate training compute (offline) and the thresholds it crosses. Example: vigie impact compute --params 7e10 --tokens 2e12")
        {
            parameters, tokens, accelerator, hours, utilisation, notLanguage, data,
        };
        app.SetAction(command, (context, parse, _) =>
        {
            ComputeEstimate estimate;
            if (parse.GetValue(parameters) is { } n && parse.GetValue(tokens) is { } d)
            {
                if (!(double.IsFinite(n) && n > 0 && double.IsFinite(d) && d > 0))
                {
                    throw new CliFailure(ExitCodes.Usage, "--params and --tokens must be numbers above 0.");
                }

                estimate = TrainingCompute.FromParameters(n, d);
            }
            else if (parse.GetValue(accelerator) is { } id && parse.GetValue(hours) is { } h)
            {
                var table = ImpactText.Data(parse.GetValue(data));
                var spec = table.Accelerator(id) ?? throw new CliFailure(ExitCodes.Usage,
                    $"'{id}' is not in the accelerator table; known: {string.Join(", ", table.Accelerators.Keys.Order(StringComparer.Ordinal))}.");
                var u = parse.GetValue(utilisation);
                if (u is not null and (<= 0 or > 1) || !(double.IsFinite(h) && h >= 0))
                {
                    throw new CliFailure(ExitCodes.Usage, "--utilisation must be above 0 and at most 1, and --accelerator-hours a number ≥ 0.");
                }

                estimate = TrainingCompute.FromHardware(h, spec, u, !parse.GetValue(notLanguage), table.SourceOf(ReferenceData.AcceleratorFile));
            }
            else
            {
                throw new CliFailure(ExitCodes.Usage, "Give --params and --tokens (6·N·D), or --accelerator and --accelerator-hours (from hardware).");
            }

            if (context.Json)
            {
                context.WriteJson(ImpactJson.Compute(estimate));
                return Task.FromResult(ExitCodes.Ok);
            }

            context.Console.MarkupLine($"[bold]{estimate.Flop.ToString("0.###E+0", CultureInfo.InvariantCulture)} FLOP[/]");
            ImpactText.Inputs(context.Console, estimate.Inputs);
            context.Console.WriteLine("Method: " + estimate.Method);
            foreach (var t in ComputeThresholds.All)
            {
                context.Console.WriteLine($"{(t.IsCrossedBy(estimate.Flop) ? "CROSSES" : "below  ")} {t.Flop.ToString("0E+0", CultureInfo.InvariantCulture)}: {t.Name}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
