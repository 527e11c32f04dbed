using System.CommandLine;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie decisions open --type T --system S --version V --title "...": opens a decision bound to
/// the version's evidence snapshot and prints its id alone on stdout (ID=$(vigie decisions open …)).
/// </summary>
internal static class DecisionsOpenCommand
{
    public static Command Create(CliApp app)
    {
        var type = new Option<string>("--type")
        {
            Description = "train, continue-training, deploy-internal, deploy-external, substantial-modification, alias-move, policy-change, charter-change or framework-change.",
            Required = true,
        };
        var system = new Option<string?>("--system") { Description = "The system the decision is about (with --version; not for policy, framework or charter changes)." };
        var version = new Option<string?>("--version") { Description = "The version the decision is about." };
        var title = new Option<string>("--title") { Description = "What is being decided, in one line.", Required = true };
        var description = new Option<string?>("--description") { Description = "More context for the signers." };
        var charter = new Option<string?>("--charter") { Description = "For a charter-change: the proposed charter's YAML file." };
        var visibility = new Option<string?>("--visibility")
        {
            Description = "public or internal (default: public, or internal when the evidence includes internal entries).",
        };
        visibility.AcceptOnlyFromAmong("public", "internal");
        var command = new Command("open", "Open a decision under the charter in force and print its id.")
        {
            type, system, version, title, description, charter, visibility,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var proposed = parse.GetValue(charter) is { } path ? await CharterFile.ReadAsync(path, cancellationToken) : null;
            var opened = await context.Api.PostJsonAsync("api/v1/decisions", new
            {
                type = parse.GetValue(type),
                system = parse.GetValue(system),
                version = parse.GetValue(version),
                title = parse.GetValue(title),
                description = parse.GetValue(description),
                visibility = parse.GetValue(visibility),
                proposedCharter = proposed,
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(opened);
                return ExitCodes.Ok;
            }

            var snapshot = opened.GetProperty("snapshot");
            context.Environment.Out.WriteLine(opened.Text("id"));
            context.Notice(
                $"Opened {opened.Text("id")} ({opened.Text("type")} about {DecisionText.Subject(opened)}, {opened.Text("visibility")}) as log entry {opened.Text("index")}, " +
                $"under charter {opened.GetProperty("charter").Text("name")} v{opened.GetProperty("charter").Text("version")}, bound to evidence snapshot " +
                $"{DecisionText.ShortDigest(snapshot.Text("digest"))} ({snapshot.GetProperty("items").GetArrayLength()} item(s)). {DecisionText.Standing(opened)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
