using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie versions status SYSTEM VERSION STATUS --reason: record a version's new status and why.</summary>
internal static class VersionsStatusCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var status = new Argument<string>("STATUS") { Description = "development, internal, deployed or retired." };
        status.AcceptOnlyFromAmong("development", "internal", "deployed", "retired");
        var reason = new Option<string>("--reason") { Description = "Why (kept in the log).", Required = true };
        var command = new Command("status", "Record a version's new status, with the reason.") { system, version, status, reason };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!) + "/status";
            var recorded = await context.Api.PostJsonAsync(path, new { status = parse.GetValue(status), reason = parse.GetValue(reason) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine(Markup.Escape($"{recorded.Text("system")}@{recorded.Text("version")} is now {parse.GetValue(status)} (log entry {recorded.Text("index")})."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
