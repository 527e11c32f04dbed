using System.CommandLine;

namespace Vigie.Cli.Commands;

/// <summary>vigie fria export SYSTEM DEPLOYMENT --format md|json [-o FILE]: the FRIA as Markdown or JSON, with its review standing.</summary>
internal static class FriaExportCommand
{
    public static Command Create(CliApp app)
    {
        var system = FriaCommands.System();
        var deployment = FriaCommands.Deployment();
        var format = new Option<string>("--format") { Description = "md (Markdown, to file or send to the authority) or json.", Required = true };
        format.AcceptOnlyFromAmong("md", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var revision = FriaCommands.Revision();
        var command = new Command("export", "Export a deployment's FRIA as Markdown or JSON, with its status and review decisions.") { system, deployment, format, output, revision };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(format)!;
            var path = FriaCommands.Path(parse.GetValue(system)!, parse.GetValue(deployment)!) + "/export?format=" + chosen +
                (parse.GetValue(revision) is { } n ? $"&revision={n}" : "");
            var content = await context.Api.GetTextAsync(path, cancellationToken);
            return await ExportOutput.WriteAsync(context, chosen, content, parse.GetValue(output), cancellationToken);
        });
        return command;
    }
}
