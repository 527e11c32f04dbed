using System.CommandLine;
using Vigie.Cli.Http;
using Vigie.Core.Risk;

namespace Vigie.Cli.Commands;

/// <summary>vigie frameworks adopt FILE: propose a risk framework; it is in force once its framework-change decision is approved.</summary>
internal static class FrameworksAdoptCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "The framework's YAML file, e.g. presets/frameworks/preparedness-style.yaml." };
        var title = new Option<string?>("--title") { Description = "The decision's title (default: Adopt risk framework NAME vN)." };
        var description = new Option<string?>("--description") { Description = "Why the framework changes, for the signers." };
        var command = new Command("adopt",
            "Propose a risk framework: opens the framework-change decision that adopts it when approved. It is checked here first, with line numbers.")
        {
            file, title, description,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
            }

            var yaml = await File.ReadAllTextAsync(path, cancellationToken);
            var load = FrameworkReader.Read(yaml);
            if (!load.Succeeded)
            {
                throw new CliFailure(ExitCodes.Usage, $"{path} is not a valid framework:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, load.Errors.Select(e => $"  {path}: {e}")));
            }

            var proposed = await context.Api.PostJsonAsync("api/v1/frameworks/proposals",
                new { yaml, title = parse.GetValue(title), description = parse.GetValue(description) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(proposed);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine(proposed.Text("decision"));
            context.Notice(
                $"Proposed framework {proposed.Text("name")} v{proposed.Text("version")} (sha256 {proposed.Text("digest")}) as log entry {proposed.Text("index")}, " +
                $"with framework-change decision {proposed.Text("decision")}. It is in force once that decision is approved: vigie decisions show {proposed.Text("decision")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
