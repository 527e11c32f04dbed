using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie versions list SYSTEM: a system's versions.</summary>
internal static class VersionsListCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var command = new Command("list", "List the versions of a system.") { system };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var versions = await context.Api.GetJsonAsync(RegistryOptions.Path(parse.GetValue(system)!) + "/versions", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(versions);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Version", "Kind", "Status", "Base", "Weights SHA-256", "Visibility", "Registered");
            foreach (var v in versions.EnumerateArray())
            {
                var lineage = v.Text("baseVersion").Length > 0 ? v.Text("baseVersion") : v.Text("baseModel");
                table.AddRow(Markup.Escape(v.Text("version")), v.Text("kind"), v.Text("status"), Markup.Escape(lineage),
                    v.Text("weightsSha256"), v.Text("visibility"), v.Text("createdAt"));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
