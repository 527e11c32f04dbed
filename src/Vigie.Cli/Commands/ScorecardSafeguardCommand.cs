using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie scorecard safeguard SYSTEM VERSION ID --name ... : records a mitigation or safeguard with its evidence.</summary>
internal static class ScorecardSafeguardCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version." };
        var id = new Argument<string>("ID") { Description = "The safeguard's id, e.g. asl3-deployment-standard (recording it again updates it)." };
        var name = new Option<string>("--name") { Description = "What it is.", Required = true };
        var standard = new Option<string>("--standard") { Description = "deployment or security.", Required = true };
        standard.AcceptOnlyFromAmong("deployment", "security");
        var status = new Option<string>("--status") { Description = "implemented, partial or planned.", Required = true };
        status.AcceptOnlyFromAmong("implemented", "partial", "planned");
        var asl = new Option<int?>("--asl") { Description = "The AI Safety Level the safeguard meets (RSP-style frameworks)." };
        var category = new Option<string?>("--category") { Description = "The risk category it mitigates." };
        var evidence = new Option<string[]>("--evidence") { Description = "Evidence ids (ev-N) showing it is in place; repeat the option.", AllowMultipleArgumentsPerToken = true };
        var description = new Option<string?>("--description") { Description = "More detail." };
        var command = new Command("safeguard", "Record a mitigation or safeguard of a version, with the evidence that it is in place.")
        {
            system, version, id, name, standard, status, asl, category, evidence, description,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var recorded = await context.Api.PostJsonAsync($"{RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!)}/safeguards", new
            {
                id = parse.GetValue(id),
                name = parse.GetValue(name),
                standard = parse.GetValue(standard),
                status = parse.GetValue(status),
                asl = parse.GetValue(asl),
                category = parse.GetValue(category),
                evidence = parse.GetValue(evidence) ?? [],
                description = parse.GetValue(description),
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            context.Environment.Out.WriteLine($"Recorded safeguard {parse.GetValue(id)} as log entry {recorded.Text("index")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
