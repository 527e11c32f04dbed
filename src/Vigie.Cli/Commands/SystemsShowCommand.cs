using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie systems show NAME: a system with its versions and where its aliases point.</summary>
internal static class SystemsShowCommand
{
    public static Command Create(CliApp app)
    {
        var name = new Argument<string>("NAME") { Description = "The system's name." };
        var command = new Command("show", "Show a system, its versions and its aliases.") { name };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var shown = await context.Api.GetJsonAsync(RegistryOptions.Path(parse.GetValue(name)!), cancellationToken);
            if (context.Json)
            {
                context.WriteJson(shown);
                return ExitCodes.Ok;
            }

            var s = shown.GetProperty("system");
            context.Console.MarkupLine($"[bold]{Markup.Escape(s.Text("name"))}[/] ({s.Text("visibility")}), owner {Markup.Escape(s.Text("owner"))}, registered {s.Text("createdAt")} by {Markup.Escape(s.Text("createdBy"))} (log entry {s.Text("index")})");
            if (s.Text("purpose").Length > 0)
            {
                context.Console.WriteLine("Purpose: " + s.Text("purpose"));
            }

            var versions = new Table().AddColumns("Version", "Kind", "Status", "Base", "Visibility", "Log entry");
            foreach (var v in shown.GetProperty("versions").EnumerateArray())
            {
                var lineage = v.Text("baseVersion").Length > 0 ? v.Text("baseVersion") : v.Text("baseModel");
                versions.AddRow(Markup.Escape(v.Text("version")), v.Text("kind"), v.Text("status"), Markup.Escape(lineage), v.Text("visibility"), v.Text("index"));
            }

            context.Console.Write(versions);
            foreach (var a in shown.GetProperty("aliases").EnumerateArray())
            {
                context.Console.WriteLine($"Alias {a.Text("alias")} → {a.Text("version")} (decision {a.Text("decision")}, moved {a.Text("movedAt")} by {a.Text("movedBy")})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
