using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie policy apply FILE: checks the policy, then proposes it — which opens a policy-change
/// decision under the charter. The id goes alone on stdout (ID=$(vigie policy apply FILE)).
/// </summary>
internal static class PolicyApplyCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "The policy's YAML file, e.g. presets/policies/regulatory-baseline.yaml." };
        var title = new Option<string?>("--title") { Description = "The decision's title (default: \"Make policy NAME@VERSION active\")." };
        var description = new Option<string?>("--description") { Description = "Context for the signers (default: the policy's description)." };
        var command = new Command("apply",
            "Propose a policy: it is checked here and on the server, then a policy-change decision opens; it becomes active when that decision is approved.")
        {
            file, title, description,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var policy = await PolicyFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            var opened = await context.Api.PostJsonAsync("api/v1/policies", new
            {
                text = policy.Text,
                title = parse.GetValue(title),
                description = parse.GetValue(description),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(opened);
                return ExitCodes.Ok;
            }

            var decision = opened.GetProperty("decision");
            var changes = opened.GetProperty("changes").EnumerateArray().Select(c => $"{c.Text("change")} {c.Text("id")}").ToList();
            var active = opened.Text("activeVersion");
            context.Environment.Out.WriteLine(decision.Text("id"));
            context.Notice(
                $"Opened {decision.Text("id")} (policy-change) to make {opened.Text("policyVersion")} active" +
                (active.Length > 0 ? $" in place of {active}" : "") + $"; log entry {decision.Text("index")}. " +
                (changes.Count > 0 ? $"Rules: {string.Join(", ", changes)}. " : "") +
                "It takes effect when the decision is approved under the charter (vigie decisions show " + decision.Text("id") + ").");
            return ExitCodes.Ok;
        });
        return command;
    }
}
