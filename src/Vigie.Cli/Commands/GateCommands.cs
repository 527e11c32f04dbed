using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>The release gate's command groups: gate, policy, waivers, attest.</summary>
internal static class GateCommands
{
    public static void AddTo(RootCommand root, CliApp app)
    {
        var gate = new Command("gate", "Run the release gate for a version and action (CI: exit 0 allow, 1 deny), or see the dossier it reads.");
        gate.Subcommands.Add(GateCheckCommand.Create(app));
        gate.Subcommands.Add(GateDossierCommand.Create(app));
        root.Subcommands.Add(gate);

        var policy = new Command("policy", "The policy the gate enforces: check a file, propose it (a policy-change decision), show or diff the active one.");
        policy.Subcommands.Add(PolicyCheckCommand.Create(app));
        policy.Subcommands.Add(PolicyApplyCommand.Create(app));
        policy.Subcommands.Add(PolicyShowCommand.Create(app));
        policy.Subcommands.Add(PolicyDiffCommand.Create(app));
        root.Subcommands.Add(policy);
    }
}
