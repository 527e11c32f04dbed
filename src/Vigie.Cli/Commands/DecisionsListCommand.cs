using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie decisions list [--open]: decisions you may see, newest first.</summary>
internal static class DecisionsListCommand
{
    public static Command Create(CliApp app)
    {
        var open = new Option<bool>("--open") { Description = "Only decisions still open." };
        var system = new Option<string?>("--system") { Description = "Only decisions about this system." };
        var command = new Command("list", "List decisions, newest first (public ones only without a token).") { open, system };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var query = "api/v1/decisions?open=" + (parse.GetValue(open) ? "true" : "false") +
                        (parse.GetValue(system) is { } s ? "&system=" + Uri.EscapeDataString(s) : "");
            var decisions = await context.Api.GetJsonAsync(query, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(decisions);
                return ExitCodes.Ok;
            }

            if (decisions.GetArrayLength() == 0)
            {
                context.Console.WriteLine(parse.GetValue(open) ? "No open decisions." : "No decisions yet: vigie decisions open --type T --system S --version V --title \"...\".");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Type", "About", "Status", "Opened", "By", "Title");
            foreach (var d in decisions.EnumerateArray())
            {
                table.AddRow(d.Text("id"), d.Text("type"), Markup.Escape(DecisionText.Subject(d)), d.Text("status"), d.Text("openedAt"),
                    Markup.Escape(d.Text("openedBy")), Markup.Escape(d.Text("title")));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
