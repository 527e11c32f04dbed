using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie impact to-card SYSTEM VERSION: the version's recorded energy, CO2e and compute become its model card's next revision.</summary>
internal static class ImpactToCardCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var note = new Option<string?>("--note") { Description = "Why the card changes (kept in the log; default: which estimates it comes from)." };
        var command = new Command("to-card",
            "Write the version's recorded energy (kWh), CO2e and training compute onto its model card as a new card revision: Hugging Face co2_eq_emissions, CycloneDX environmentalConsiderations, EU Annex XI energy.")
        {
            system, version, note,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var written = await context.Api.PostJsonAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/impact/card",
                new { note = parse.GetValue(note) }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(written);
                return ExitCodes.Ok;
            }

            context.Console.WriteLine(written.GetProperty("unchanged").GetBoolean()
                ? $"The card already carries these figures: still revision {written.Text("revision")}."
                : $"Wrote the impact figures as revision {written.Text("revision")} of the card (log entry {written.Text("logIndex")}); export it with vigie card export {parse.GetValue(system)} {parse.GetValue(version)} --format hf.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
