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
        var o = new ComputeOptions();
        var tokens = new Option<double?>("--tokens") { Description = "Training tokens D, e.g. 2e12." };
        var hours = new Option<double?>("--accelerator-hours") { Description = "From hardware: accelerator-hours." };
        var command = new Command("compute", "Estimate training compute (offline) and the thresholds it crosses. Example: vigie impact compute --params 7e10 --tokens 2e12")
        {
            tokens, hours,
        };
        o.AddTo(command);
        app.SetAction(command, (context, parse, _) =>
        {
            var estimate = o.Estimate(parse, parse.GetValue(tokens), parse.GetValue(hours), "--tokens");
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
