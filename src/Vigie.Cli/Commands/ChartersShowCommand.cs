using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie charters show: the charter in force, and how it says each type of decision is taken.</summary>
internal static class ChartersShowCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("show", "Show the charter in force: stages, quorums, vetoes and review windows per decision type.");
        app.SetAction(command, async (context, _, cancellationToken) =>
        {
            var charter = await context.Api.GetJsonAsync("api/v1/charters/current", cancellationToken);
            if (context.Json)
            {
                context.WriteJson(charter);
                return ExitCodes.Ok;
            }

            var adoptedBy = charter.Text("decision").Length > 0 ? $"through {charter.Text("decision")}" : $"by {charter.Text("adoptedBy")}";
            context.Console.MarkupLine($"[bold]{Markup.Escape(charter.Text("name"))}[/] v{charter.Text("version")}: {Markup.Escape(charter.Text("title"))}");
            context.Console.WriteLine($"Adopted {charter.Text("adoptedAt")} {adoptedBy} (log entry {charter.Text("index")}); sha256 {charter.Text("digest")}.");
            var table = new Table().AddColumns("Decision type", "Stages (role, quorum)", "Veto", "Review");
            foreach (var rule in charter.GetProperty("rules").EnumerateArray())
            {
                var stages = string.Join(" → ", rule.GetProperty("stages").EnumerateArray()
                    .Select(s => $"{s.Text("name")} ({s.Text("role")}, {s.Text("quorum")}{(s.Text("kind") == "recommend" ? ", recommends" : "")})"));
                var veto = string.Join(", ", rule.GetProperty("veto").EnumerateArray().Select(v => v.GetString()));
                var review = rule.GetProperty("review") is { ValueKind: JsonValueKind.Object } r ? $"{r.Text("role")} within {r.Text("withinDays")} days" : "";
                table.AddRow(rule.Text("type"), Markup.Escape(stages), veto, review);
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
