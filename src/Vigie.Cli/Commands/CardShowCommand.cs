using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Core.Formats.ModelCards;

namespace Vigie.Cli.Commands;

/// <summary>vigie card show SYSTEM VERSION [--revision N]: the card's fields by group, its sections, and for a past revision what it changed.</summary>
internal static class CardShowCommand
{
    public static Command Create(CliApp app)
    {
        var system = CardArguments.System();
        var version = CardArguments.Version();
        var revision = CardArguments.Revision();
        var command = new Command("show", "Show a version's model card (or a past revision with the changes it made).") { system, version, revision };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var basePath = CardArguments.Path(parse.GetValue(system)!, parse.GetValue(version)!);
            var shown = await context.Api.GetJsonAsync(
                parse.GetValue(revision) is { } n ? $"{basePath}/revisions/{n}" : basePath, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(shown);
                return ExitCodes.Ok;
            }

            var console = context.Console;
            var subject = $"{shown.Text("system")}@{shown.Text("version")}";
            if (shown.Text("revision") == "0")
            {
                console.WriteLine($"{subject} has no model card yet; import one with 'vigie card import {shown.Text("system")} {shown.Text("version")} README.md'.");
                return ExitCodes.Ok;
            }

            console.MarkupLine($"[bold]{Markup.Escape(subject)}[/] model card, revision {shown.Text("revision")} " +
                $"({(shown.Text("material") == "true" ? "material" : "editorial")}, {shown.Text("visibility")}) by {Markup.Escape(shown.Text("revisedBy"))} at {shown.Text("revisedAt")}, log entry {shown.Text("logIndex")}");
            console.WriteLine("SHA-256 " + shown.Text("cardSha256") + (shown.Text("note").Length > 0 ? " — " + shown.Text("note") : ""));
            var card = ModelCard.FromJson(shown.GetProperty("card").GetRawText()).Card ?? ModelCard.Empty;
            foreach (var group in CardSchema.Groups)
            {
                var table = new Table().HideHeaders().AddColumns("Field", "Value");
                foreach (var field in group.Fields.Where(f => card.Has(f.Path)))
                {
                    table.AddRow(Markup.Escape(field.Label), Markup.Escape(Shorten(FieldText.Format(field, card.Get(field.Path)))));
                }

                if (table.Rows.Count > 0)
                {
                    console.MarkupLine($"[bold]{Markup.Escape(group.Title)}[/]");
                    console.Write(table);
                }
            }

            if (card.Sections.Count > 0)
            {
                console.WriteLine("Sections: " + string.Join(" · ", card.Sections.Select(s => s.Level == 0 ? "(preamble)" : new string('#', s.Level) + " " + s.Heading)));
            }

            if (card.Extra.Count > 0)
            {
                console.WriteLine("Other keys kept from imports: " + string.Join(", ", card.Extra.Select(p => p.Key)));
            }

            if (shown.TryGetProperty("diff", out var diff))
            {
                console.MarkupLine($"[bold]Changes in revision {shown.Text("revision")}[/]");
                foreach (var change in diff.EnumerateArray())
                {
                    console.WriteLine($"{Symbol(change.Text("op"))} {change.Text("path")}: {Value(change, "old")} → {Value(change, "new")}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Symbol(string op) => op switch { "add" => "+", "remove" => "-", _ => "~" };

    private static string Value(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value) ? Shorten(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()) : "∅";

    private static string Shorten(string text)
    {
        var line = text.Replace('\n', ' ');
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}
