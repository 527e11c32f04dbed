using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie policy show: the active policy, its version, the decision that made it active, and its rules.</summary>
internal static class PolicyShowCommand
{
    public static Command Create(CliApp app)
    {
        var text = new Option<bool>("--text") { Description = "Print only the policy's YAML text, exactly as it was approved." };
        var command = new Command("show", "Show the active policy: version, approving decision, rules (or --text for its YAML).") { text };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var policy = await context.Api.GetJsonAsync("api/v1/policies/active", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(policy);
                return ExitCodes.Ok;
            }

            if (parse.GetValue(text))
            {
                context.Environment.Out.Write(policy.Text("text"));
                return ExitCodes.Ok;
            }

            var how = policy.GetProperty("restores").GetBoolean() ? $"restored by the reversal of {policy.Text("decision")}" : $"approved in {policy.Text("decision")}";
            context.Console.MarkupLine($"[bold]{Markup.Escape(policy.Text("policyVersion"))}[/]: {Markup.Escape(policy.Text("title"))}");
            context.Console.WriteLine($"Active since {policy.Text("activatedAt")}, {how} (log entry {policy.Text("index")}); sha256 {policy.Text("sha256")}.");
            var table = new Table().AddColumns("Rule", "Applies to", "Severity", "Message");
            foreach (var rule in policy.GetProperty("rules").EnumerateArray())
            {
                var actions = string.Join(", ", rule.GetProperty("appliesTo").EnumerateArray().Select(a => a.GetString()));
                table.AddRow(Markup.Escape(rule.Text("id")), Markup.Escape(actions), rule.Text("severity"), Markup.Escape(rule.Text("message")));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
