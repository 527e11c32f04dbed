using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie aliases set SYSTEM ALIAS VERSION: move an alias (a deployment) — refused without an approved decision.</summary>
internal static class AliasesSetCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var alias = new Argument<string>("ALIAS") { Description = "The alias, e.g. production (needs deploy-external), internal (deploy-internal), or any other (alias-move)." };
        var version = new Argument<string>("VERSION") { Description = "The version the alias should point at." };
        var expected = new Option<string?>("--expect") { Description = "Refuse unless the alias points at this version now (guards against a concurrent move)." };
        var decision = new Option<string?>("--decision") { Description = "The approving decision's id; checked against the one the server finds." };
        var command = new Command("set", "Move an alias to a version. Needs an approved decision of the alias's type about that version.")
        {
            system, alias, version, expected, decision,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = RegistryOptions.Path(parse.GetValue(system)!) + "/aliases/" + Uri.EscapeDataString(parse.GetValue(alias)!);
            var moved = await context.Api.PutJsonAsync(path, new
            {
                version = parse.GetValue(version),
                expectedVersion = parse.GetValue(expected),
                decision = parse.GetValue(decision),
            }, ifMatch: null, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(moved);
                return ExitCodes.Ok;
            }

            var from = moved.Text("previousVersion");
            context.Console.MarkupLine(Markup.Escape(
                $"{moved.Text("alias")} of {moved.Text("system")} now points at {moved.Text("version")}" +
                (from.Length > 0 ? $" (was {from})" : "") +
                $", approved by {moved.Text("decision")} ({moved.Text("decisionType")}); log entry {moved.Text("index")}."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
