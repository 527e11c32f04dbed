using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie decisions dissent ID --statement "...": any signed-in person's dissent, kept with the decision forever.</summary>
internal static class DecisionsDissentCommand
{
    public static Command Create(CliApp app)
    {
        var id = new Argument<string>("ID") { Description = "The decision, open or closed." };
        var statement = new Option<string>("--statement") { Description = "What you disagree with, and why.", Required = true };
        var reason = new Option<string?>("--confidential-reason")
        {
            Description = "Keep the statement confidential (admins and auditors read it); this reason is public.",
        };
        var command = new Command("dissent", "Record a dissent on a decision: public unless you give a reason for confidentiality.") { id, statement, reason };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var recorded = await context.Api.PostJsonAsync(DecisionText.Path(parse.GetValue(id)!) + "/dissent", new
            {
                statement = parse.GetValue(statement),
                confidentialReason = parse.GetValue(reason),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            var how = parse.GetValue(reason) is null ? "public" : "confidential, with its reason public";
            context.Environment.Out.WriteLine($"Dissent recorded on {recorded.GetProperty("decision").Text("id")} ({how}) as log entry {recorded.Text("index")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
