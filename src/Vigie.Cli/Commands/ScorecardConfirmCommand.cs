using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie scorecard confirm SYSTEM VERSION CATEGORY --pre L --post L --rationale TEXT: a person's levels, kept next to the derived ones.</summary>
internal static class ScorecardConfirmCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var category = new Argument<string>("CATEGORY") { Description = "The framework's category id, e.g. cybersecurity." };
        var pre = new Option<string>("--pre") { Description = "The level before mitigation (a level id of the framework).", Required = true };
        var post = new Option<string>("--post") { Description = "The level after mitigation.", Required = true };
        var rationale = new Option<string>("--rationale") { Description = "Why: written, kept in the log next to the derived levels.", Required = true };
        var command = new Command("confirm", "Confirm or change a category's levels, with a written rationale (safety officer, advisory group, executive or admin).")
        {
            system, version, category, pre, post, rationale,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var confirmed = await context.Api.PostJsonAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/scorecard/confirmations", new
            {
                category = parse.GetValue(category),
                preMitigation = parse.GetValue(pre),
                postMitigation = parse.GetValue(post),
                rationale = parse.GetValue(rationale),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(confirmed);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine($"Confirmed {parse.GetValue(category)}: {parse.GetValue(pre)} before mitigation, {parse.GetValue(post)} after, as log entry {confirmed.Text("index")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
