using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie decisions recuse|veto|reverse ID --reason "...": the steps beside sign-offs, each a
/// reason and (for recusal) the person; the charter says who may take them.
/// </summary>
internal static class DecisionsRulingCommand
{
    public static Command Recuse(CliApp app)
    {
        var person = new Option<string?>("--person") { Description = "Recuse someone else (the charter names who may); default: yourself." };
        return Create(app, "recuse", "recusal", "Recuse yourself (or, if the charter allows, someone else) from a decision for a conflict of interest.",
            "The conflict of interest.", person);
    }

    public static Command Veto(CliApp app) =>
        Create(app, "veto", "veto", "Veto an open decision (holders of the charter's veto role).", "Why you veto it.", null);

    public static Command Reverse(CliApp app) =>
        Create(app, "reverse", "reversal", "Reverse an approved decision within its review window (the charter's review role).", "Why it is reversed.", null);

    private static Command Create(CliApp app, string name, string endpoint, string description, string reasonHelp, Option<string?>? person)
    {
        var id = new Argument<string>("ID") { Description = "The decision, e.g. dec-42." };
        var reason = new Option<string>("--reason") { Description = reasonHelp, Required = true };
        var command = new Command(name, description) { id, reason };
        if (person is not null)
        {
            command.Options.Add(person);
        }

        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var done = await context.Api.PostJsonAsync(DecisionText.Path(parse.GetValue(id)!) + "/" + endpoint,
                person is null
                    ? new { reason = parse.GetValue(reason) }
                    : new { reason = parse.GetValue(reason), person = parse.GetValue(person) },
                cancellationToken);
            if (context.Json)
            {
                context.WriteJson(done);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine($"Recorded the {endpoint} as log entry {done.Text("index")}. {DecisionText.Standing(done.GetProperty("decision"))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
