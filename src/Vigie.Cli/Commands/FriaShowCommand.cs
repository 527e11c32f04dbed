using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie fria show SYSTEM [DEPLOYMENT]: the system's FRIAs and their standing, or one FRIA with its review decisions.</summary>
internal static class FriaShowCommand
{
    public static Command Create(CliApp app)
    {
        var system = FriaCommands.System();
        var deployment = new Argument<string?>("DEPLOYMENT") { Description = "One deployment's FRIA (default: list them all).", Arity = ArgumentArity.ZeroOrOne };
        var revision = FriaCommands.Revision();
        var command = new Command("show", "List a system's FRIAs (status: draft, in-review, approved, changes-requested, approval-reversed), or show one.") { system, deployment, revision };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (s, d) = (parse.GetValue(system)!, parse.GetValue(deployment));
            if (d is null)
            {
                var list = await context.Api.GetJsonAsync(FriaCommands.Path(s), cancellationToken);
                if (context.Json)
                {
                    context.WriteJson(list);
                    return ExitCodes.Ok;
                }

                var table = new Table().AddColumns("Deployment", "Revision", "Version", "Status", "Complete", "Recorded");
                foreach (var f in list.EnumerateArray())
                {
                    table.AddRow(Markup.Escape(f.Text("deployment")), f.Text("revision"), Markup.Escape(f.Text("version")), f.Text("status"),
                        f.Text("complete") == "true" ? "yes" : "no", Markup.Escape($"{f.Text("recordedAt")} by {f.Text("recordedBy")}"));
                }

                context.Console.Write(table);
                return ExitCodes.Ok;
            }

            var query = parse.GetValue(revision) is { } n ? $"?revision={n}" : "";
            var fria = await context.Api.GetJsonAsync(FriaCommands.Path(s, d) + query, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(fria);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"[bold]FRIA of {Markup.Escape(s)} / {Markup.Escape(d)}[/], revision {fria.Text("revision")} of {fria.Text("latestRevision")} " +
                $"({Markup.Escape(fria.Text("system"))}@{Markup.Escape(fria.Text("version"))}): [bold]{fria.Text("status")}[/]");
            context.Console.WriteLine($"Recorded {fria.Text("recordedAt")} by {fria.Text("recordedBy")}, log entry {fria.Text("index")}, SHA-256 {fria.Text("sha256")}.");
            foreach (var m in fria.GetProperty("missing").EnumerateArray())
            {
                context.Console.WriteLine($"Missing  {m.Text("point")}: {m.Text("label")}");
            }

            foreach (var decision in fria.GetProperty("decisions").EnumerateArray())
            {
                context.Console.WriteLine($"Review   {decision.Text("id")} of revision {decision.Text("revision")}: {decision.Text("status")} (opened {decision.Text("openedAt")} by {decision.Text("openedBy")})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
