using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie card export SYSTEM VERSION --format hf|cyclonedx|spdx [-o FILE]: the card as a Hugging Face README, CycloneDX 1.6 or SPDX 3.0.1.</summary>
internal static class CardExportCommand
{
    public static Command Create(CliApp app)
    {
        var system = CardArguments.System();
        var version = CardArguments.Version();
        var format = new Option<string>("--format") { Description = "hf (README.md), cyclonedx (CycloneDX 1.6 JSON) or spdx (SPDX 3.0.1 JSON-LD).", Required = true };
        format.AcceptOnlyFromAmong("hf", "cyclonedx", "spdx");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var revision = CardArguments.Revision();
        var command = new Command("export", "Export a version's model card as a Hugging Face README, a CycloneDX 1.6 BOM or an SPDX 3.0.1 AI document.")
        {
            system, version, format, output, revision,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(format)!;
            var path = CardArguments.WithRevision(
                CardArguments.Path(parse.GetValue(system)!, parse.GetValue(version)!) + "/export?format=" + chosen, parse.GetValue(revision));
            var content = await context.Api.GetTextAsync(path, cancellationToken);
            return await ExportOutput.WriteAsync(context, chosen, content, parse.GetValue(output), cancellationToken);
        });
        return command;
    }
}
