using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie card edit SYSTEM VERSION --set path=value ... [--file card.json] [--editorial]: change
/// fields of the latest revision and save the next one. The edits are checked here first (same
/// rules as the server); the save names the revision it started from, so someone else's save in
/// between is refused rather than overwritten.
/// </summary>
internal static class CardEditCommand
{
    public static Command Create(CliApp app)
    {
        var system = CardArguments.System();
        var version = CardArguments.Version();
        var set = new Option<string[]>("--set")
        {
            Description = "FIELD=VALUE, repeatable, e.g. training.computeFlop=3.8e25, technical.languages=en,fr, uses.intended='Research'. An empty VALUE removes the field.",
            AllowMultipleArgumentsPerToken = false,
        };
        var file = new Option<string?>("--file") { Description = "A card JSON file that replaces the whole card (then --set applies on top)." };
        var editorial = CardArguments.Editorial();
        var note = CardArguments.Note();
        var command = new Command("edit", "Change fields of a version's model card and save the next revision.") { system, version, set, file, editorial, note };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var edits = (parse.GetValue(set) ?? []).Select(Split).ToList();
            var fromFile = parse.GetValue(file);
            if (edits.Count == 0 && fromFile is null)
            {
                throw new CliFailure(ExitCodes.Usage, "Say what to change: --set FIELD=VALUE (repeatable) or --file card.json.");
            }

            var path = CardArguments.Path(parse.GetValue(system)!, parse.GetValue(version)!);
            var current = await context.Api.GetJsonAsync(path, cancellationToken);
            var revision = current.GetProperty("revision").GetInt64();
            var start = fromFile is null ? ModelCard.FromJson(current.GetProperty("card").GetRawText()) : ModelCard.FromJson(Read(fromFile));
            if (!start.Succeeded)
            {
                throw new CliFailure(ExitCodes.Usage, $"{fromFile ?? "The current card"} is not a valid card: " + string.Join(" ", start.Issues));
            }

            var edited = CardEdits.Apply(start.Card!, edits);
            if (!edited.Succeeded)
            {
                throw new CliFailure(ExitCodes.Usage, "The card was not saved: " + string.Join(" ", edited.Issues.Select(i => i.ToString())));
            }

            var saved = await context.Api.PutJsonAsync(path, new
            {
                card = JsonNode.Parse(edited.Card!.ToJsonString()),
                material = !parse.GetValue(editorial),
                note = parse.GetValue(note),
            }, $"\"r{revision}\"", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(saved);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine(saved.GetProperty("unchanged").GetBoolean()
                ? $"Nothing changed: the card is still revision {saved.Text("revision")}."
                : $"Saved revision [bold]{saved.Text("revision")}[/] ({(saved.Text("material") == "true" ? "material" : "editorial")}, " +
                  $"{saved.GetProperty("diff").GetArrayLength()} changes, log entry {saved.Text("logIndex")}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static KeyValuePair<string, string> Split(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliFailure(ExitCodes.Usage, $"--set takes FIELD=VALUE; '{assignment}' has no '='.");
        }

        return KeyValuePair.Create(assignment[..equals].Trim(), assignment[(equals + 1)..]);
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Cannot read {file}: {e.Message}");
        }
    }
}
