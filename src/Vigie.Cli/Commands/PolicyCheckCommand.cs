using System.CommandLine;
using Vigie.Core.Policies;

namespace Vigie.Cli.Commands;

/// <summary>vigie policy check FILE: loads a policy offline, exactly as the server would, and reports every mistake.</summary>
internal static class PolicyCheckCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "The policy's YAML file." };
        var command = new Command("check", "Check a policy file offline: every rule compiled, checked against the dossier schema and dry-run. Exit 0 when it loads, 2 when not.") { file };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var policy = await PolicyFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new { policyVersion = policy.PolicyVersion, sha256 = policy.Sha256, rules = policy.Rules.Select(r => r.Id) });
                return ExitCodes.Ok;
            }

            var blocks = policy.Rules.Count(r => r.Severity == RuleSeverity.Block);
            context.Environment.Out.WriteLine(
                $"{policy.PolicyVersion} loads: {policy.Rules.Count} rule(s), {blocks} block, {policy.Rules.Count - blocks} warn; sha256 {policy.Sha256}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
