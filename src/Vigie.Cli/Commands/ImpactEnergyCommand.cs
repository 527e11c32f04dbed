using System.CommandLine;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact energy: energy, CO2e and water of a workload, offline, every input with its origin and source.</summary>
internal static class ImpactEnergyCommand
{
    public static Command Create(CliApp app)
    {
        var o = new EnergyOptions();
        var command = new Command("energy",
            "Estimate energy, CO2e and water (offline). Example: vigie impact energy --accelerator H100-SXM --count 512 --hours 720 --region FR") ;
        o.AddTo(command);
        app.SetAction(command, (context, parse, _) =>
        {
            var outcome = EnergyCalculator.Estimate(o.Request(parse), ImpactText.Data(parse.GetValue(o.Data)));
            if (outcome.Error is { } error)
            {
                throw new CliFailure(ExitCodes.Usage, error);
            }

            if (context.Json)
            {
                context.WriteJson(ImpactJson.Energy(outcome.Estimate!));
            }
            else
            {
                ImpactText.Energy(context.Console, outcome.Estimate!);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
