using System.CommandLine;
using Vigie.Core.Governance;

namespace Vigie.Cli.Commands;

/// <summary>The --system, --version and --action options the gate commands share.</summary>
internal sealed class GateOptions
{
    public Option<string> System { get; } = new("--system") { Description = "The registered system.", Required = true };

    public Option<string> Version { get; } = new("--version") { Description = "The version of that system.", Required = true };

    public Option<string> Action { get; } = new("--action")
    {
        Description = $"What is about to happen: {DecisionTypes.ActionNames}.",
        Required = true,
    };

    public GateOptions() => Action.AcceptOnlyFromAmong([.. DecisionTypes.Actions]);

    public void AddTo(Command command)
    {
        command.Options.Add(System);
        command.Options.Add(Version);
        command.Options.Add(Action);
    }
}
