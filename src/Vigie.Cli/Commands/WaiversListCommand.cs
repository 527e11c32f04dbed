using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie waivers list [--system S]: every waiver with its standing and justification.</summary>
internal static class WaiversListCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Option<string?>("--system") { Description = "Only waivers of this system." };
        var command = new Command("list", "List waivers: rule, scope, standing (pending, in-force, expired, retired, rejected, reversed), expiry and reason.") { system };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var path = "api/v1/waivers" + (parse.GetValue(system) is { } s ? "?system=" + Uri.EscapeDataString(s) : "");
            var waivers = await context.Api.GetJsonAsync(path, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(waivers);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Decision", "Rule", "Scope", "Standing", "Expires", "Reason");
            foreach (var w in waivers.EnumerateArray())
            {
                table.AddRow(w.Text("decision"), Markup.Escape(w.Text("ruleId")), Markup.Escape($"{w.Text("system")}@{w.Text("version")} {w.Text("action")}"),
                    w.Text("standing"), w.Text("expiresAt"), Markup.Escape(w.Text("reason")));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
