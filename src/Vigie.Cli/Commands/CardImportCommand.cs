using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie card import SYSTEM VERSION README.md: a Hugging Face model card becomes the version's next card revision.</summary>
internal static class CardImportCommand
{
    public static Command Create(CliApp app)
    {
        var system = CardArguments.System();
        var version = CardArguments.Version();
        var file = new Argument<string>("README") { Description = "The Hugging Face README.md (YAML front matter and Markdown body)." };
        var merge = new Option<bool>("--merge") { Description = "Keep the current card's fields the README does not fill in (e.g. legal fields added by hand)." };
        var editorial = CardArguments.Editorial();
        var note = CardArguments.Note();
        var command = new Command("import", "Import a Hugging Face README.md as the next revision of a version's model card.")
        {
            system, version, file, merge, editorial, note,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = parse.GetValue(file)!;
            var text = await InputFiles.ReadTextAsync(path, cancellationToken);

            var cardPath = CardArguments.Path(parse.GetValue(system)!, parse.GetValue(version)!);
            var current = await context.Api.GetJsonAsync(cardPath, cancellationToken);
            var query = $"?baseRevision={current.GetProperty("revision").GetInt64().ToString(CultureInfo.InvariantCulture)}" +
                (parse.GetValue(merge) ? "&merge=true" : "") + (parse.GetValue(editorial) ? "&editorial=true" : "") +
                (parse.GetValue(note) is { } n ? "&note=" + Uri.EscapeDataString(n) : "");
            var imported = await context.Api.PostTextAsync(cardPath + "/import" + query, text, "text/markdown", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(imported);
                return ExitCodes.Ok;
            }

            var revision = imported.Text("revision");
            context.Console.MarkupLine(imported.GetProperty("unchanged").GetBoolean()
                ? $"The card already says what {Markup.Escape(Path.GetFileName(path))} says: still revision {revision}."
                : $"Imported {Markup.Escape(Path.GetFileName(path))} as revision [bold]{revision}[/] of the card of " +
                  $"{Markup.Escape(imported.Text("system"))}@{Markup.Escape(imported.Text("version"))} " +
                  $"({(imported.Text("material") == "true" ? "material" : "editorial")}, log entry {imported.Text("logIndex")}, {imported.GetProperty("diff").GetArrayLength()} changes).");
            foreach (var warning in imported.GetProperty("warnings").EnumerateArray())
            {
                context.Console.WriteLine("Kept aside: " + warning.GetString());
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
