using System.CommandLine;
using Spectre.Console;
using System.Text.Json;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;

namespace Vigie.Cli.Commands;

/// <summary>The `vigie incidents` group: the incident register, its legal clocks, submissions and report drafts.</summary>
internal static class IncidentsCommands
{
    public static void AddTo(RootCommand root, CliApp app)
    {
        var incidents = new Command("incidents", "Register incidents and near misses, see their reporting deadlines, record reports sent, export report drafts.");
        incidents.Subcommands.Add(IncidentsOpenCommand.Create(app));
        incidents.Subcommands.Add(IncidentsListCommand.Create(app));
        incidents.Subcommands.Add(IncidentsShowCommand.Create(app));
        incidents.Subcommands.Add(IncidentsDueCommand.Create(app));
        incidents.Subcommands.Add(IncidentsUpdateCommand.Create(app));
        incidents.Subcommands.Add(IncidentsResolveCommand.Create(app));
        incidents.Subcommands.Add(IncidentsReopenCommand.Create(app));
        incidents.Subcommands.Add(IncidentsSubmitCommand.Create(app));
        incidents.Subcommands.Add(IncidentsExportCommand.Create(app));
        root.Subcommands.Add(incidents);
    }

    /// <summary>A yes/no option: given alone it means yes; "--x false" says no (to correct it later).</summary>
    public static Option<bool?> Flag(string name, string description) =>
        new(name) { Description = description + " (\"false\" to correct it)", Arity = ArgumentArity.ZeroOrOne };

    /// <summary>After a change: the JSON answer, or one line saying where the incident now stands (and the entry recorded).</summary>
    public static int Print(CommandContext context, JsonElement answer, string verb)
    {
        if (context.Json)
        {
            context.WriteJson(answer);
            return ExitCodes.Ok;
        }

        var incident = answer.GetProperty("incident");
        context.Console.WriteLine($"{verb} as log entry {answer.Text("index")}: {IncidentText.Standing(incident)}");
        return ExitCodes.Ok;
    }

    public static Argument<string> Id() => new("id") { Description = "The incident's id, e.g. inc-12." };
}
