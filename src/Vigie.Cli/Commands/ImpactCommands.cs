using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>The `vigie impact` group: offline calculators and the server's impact records.</summary>
internal static class ImpactCommands
{
    public static void AddTo(RootCommand root, CliApp app)
    {
        var impact = new Command("impact", "Impact: energy, CO2e and water; training compute and thresholds; fairness. The calculators work offline.");
        impact.Subcommands.Add(ImpactEnergyCommand.Create(app));
        impact.Subcommands.Add(ImpactComputeCommand.Create(app));
        impact.Subcommands.Add(ImpactFairnessCommand.Create(app));
        impact.Subcommands.Add(ImpactServerCommands.RecordRun(app));
        impact.Subcommands.Add(ImpactServerCommands.ImportFairness(app));
        impact.Subcommands.Add(ImpactServerCommands.Show(app));
        root.Subcommands.Add(impact);
        root.Subcommands.Add(ObligationsCommand.Create(app));
        root.Subcommands.Add(ClassifyCommand.Create(app));
    }
}
