using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie systems list: the registered AI systems you may see.</summary>
internal static class SystemsListCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("list", "List registered AI systems (public ones only without a token).");
        app.SetAction(command, async (context, _, cancellationToken) =>
        {
            var systems = await context.Api.GetJsonAsync("api/v1/systems", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(systems);
                return ExitCodes.Ok;
            }

            if (systems.GetArrayLength() == 0)
            {
                context.Console.WriteLine(context.Token is null ? "No public systems. (Pass --token to see internal ones.)" : "No systems registered yet: vigie systems add NAME.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Name", "Owner", "Versions", "Visibility", "Purpose");
            foreach (var s in systems.EnumerateArray())
            {
                table.AddRow(Markup.Escape(s.Text("name")), Markup.Escape(s.Text("owner")), s.Text("versionCount"),
                    s.Text("visibility"), Markup.Escape(s.Text("purpose")));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
