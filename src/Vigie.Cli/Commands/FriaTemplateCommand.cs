using System.CommandLine;
using Vigie.Core.Impact.Rights;

namespace Vigie.Cli.Commands;

/// <summary>vigie fria template: an empty FRIA in YAML, each field with the point of Art. 27(1) it answers (offline).</summary>
internal static class FriaTemplateCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("template", "Print an empty FRIA as commented YAML to fill in (offline). Example: vigie fria template > lending-fr.yaml");
        app.SetAction(command, (context, _, _) =>
        {
            if (context.Json)
            {
                context.WriteJson(FriaFields.All.Select(f => new { name = f.Name, point = f.Point, label = f.Label, help = f.Help, kind = f.Kind.ToString().ToLowerInvariant(), maxLength = f.MaxLength }));
            }
            else
            {
                context.Environment.Out.Write(FriaYaml.Template());
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
