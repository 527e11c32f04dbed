using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie gate check --system S --version V --action A: runs the release gate on the server and
/// exits 0 on allow (or allow-with-warnings), 1 on deny — what a CI job branches on.
/// </summary>
internal static class GateCheckCommand
{
    public static Command Create(CliApp app)
    {
        var options = new GateOptions();
        var dossier = new Option<string?>("--dossier") { Description = "Also write the dossier the gate evaluated to this file (canonical JSON; its SHA-256 is the dossierDigest)." };
        var command = new Command("check", "Run the release gate: the active policy on the version's dossier, recorded in the log. Exit 0 allow, 1 deny.");
        options.AddTo(command);
        command.Options.Add(dossier);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var dossierPath = parse.GetValue(dossier);
            var answer = await context.Api.PostJsonAsync("api/v1/gate/check", new
            {
                system = parse.GetValue(options.System),
                version = parse.GetValue(options.Version),
                action = parse.GetValue(options.Action),
                includeDossier = dossierPath is not null,
            }, cancellationToken);
            var result = JsonNode.Parse(answer.GetRawText())!.AsObject();
            if (result.Remove("dossier", out var evaluated))
            {
                await File.WriteAllTextAsync(dossierPath!, evaluated!.ToJsonString(), cancellationToken);
            }

            if (context.Json)
            {
                context.WriteJson(result);
            }
            else
            {
                Print(context, answer, parse.GetValue(options.System)!, parse.GetValue(options.Version)!, parse.GetValue(options.Action)!);
            }

            return answer.Text("result") == "deny" ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CommandContext context, JsonElement answer, string system, string version, string action)
    {
        var verdict = answer.Text("result");
        var colour = verdict switch { "allow" => "green", "deny" => "red", _ => "yellow" };
        context.Console.MarkupLine(
            $"[bold {colour}]{verdict}[/]: {Markup.Escape($"{system}@{version} {action} under policy {answer.Text("policyVersion")}")}" +
            Markup.Escape($" (log entry {answer.Text("index")}, dossier {answer.Text("dossierDigest")[..12]}…)"));
        foreach (var rule in answer.GetProperty("rules").EnumerateArray())
        {
            var outcome = rule.Text("outcome");
            if (outcome == "not-applicable")
            {
                continue;
            }

            var mark = outcome switch { "pass" => "pass  ", "fail" => "FAIL  ", "waived" => "waived", _ => outcome };
            context.Console.WriteLine($"  {mark} {rule.Text("severity"),-5} {rule.Text("id")}: {rule.Text("message")}");
            if (outcome != "pass")
            {
                foreach (var read in rule.GetProperty("read").EnumerateObject())
                {
                    context.Console.WriteLine($"         {read.Name} = {read.Value.GetRawText()}");
                }
            }
        }

        var skipped = answer.GetProperty("rules").EnumerateArray().Count(r => r.Text("outcome") == "not-applicable");
        if (skipped > 0)
        {
            context.Console.WriteLine($"  ({skipped} rule(s) not applicable to {action})");
        }
    }
}
