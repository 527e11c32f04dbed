using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie charters adopt FILE: the first charter (admin); later ones go through a charter-change decision.</summary>
internal static class ChartersAdoptCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "The charter's YAML file, e.g. presets/charters/preparedness-style.yaml." };
        var command = new Command("adopt", "Adopt the first governance charter (admin). It is checked here first, with line numbers.") { file };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var yaml = await CharterFile.ReadAsync(parse.GetValue(file)!, cancellationToken);
            var adopted = await context.Api.PostJsonAsync("api/v1/charters", new { yaml }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(adopted);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine(
                $"Adopted charter {adopted.Text("name")} v{adopted.Text("version")} (sha256 {adopted.Text("digest")}) as log entry {adopted.Text("index")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
