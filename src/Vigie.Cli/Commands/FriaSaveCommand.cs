using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Core.Impact.Rights;

namespace Vigie.Cli.Commands;

/// <summary>vigie fria save SYSTEM DEPLOYMENT FILE --version V: a FRIA written in YAML or JSON becomes the deployment's next revision.</summary>
internal static class FriaSaveCommand
{
    public static Command Create(CliApp app)
    {
        var system = FriaCommands.System();
        var deployment = FriaCommands.Deployment();
        var file = new Argument<string>("FILE") { Description = "The assessment: YAML (.yaml, .yml; see vigie fria template) or JSON." };
        var version = new Option<string>("--version") { Description = "The system version this deployment uses.", Required = true };
        var note = new Option<string?>("--note") { Description = "Why it changes (kept in the log)." };
        var visibility = new Option<string?>("--visibility") { Description = "public or internal (default: the version's)." };
        visibility.AcceptOnlyFromAmong("public", "internal");
        var command = new Command("save", "Check a FRIA file locally, then record it as the next revision of the deployment's assessment (a draft may leave fields empty).")
        {
            system, deployment, file, version, note, visibility,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var path = parse.GetValue(file)!;
            var text = await InputFiles.ReadTextAsync(path, cancellationToken);

            var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            var read = yaml ? FriaYaml.Read(text) : FriaDocument.Parse(text);
            if (!read.Succeeded)
            {
                throw new CliFailure(ExitCodes.Usage, $"{path} is not a valid FRIA:\n" + string.Join("\n", read.Issues.Select(i => "  " + i)));
            }

            var (s, d) = (parse.GetValue(system)!, parse.GetValue(deployment)!);
            var head = await FriaCommands.HeadAsync(context, s, d, cancellationToken);
            var saved = await context.Api.PutJsonAsync(FriaCommands.Path(s, d), new
            {
                version = parse.GetValue(version), document = read.Document!.ToJsonObject(), baseRevision = head, note = parse.GetValue(note), visibility = parse.GetValue(visibility),
            }, null, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(saved);
                return ExitCodes.Ok;
            }

            var revision = saved.Text("revision");
            context.Console.MarkupLine(saved.GetProperty("unchanged").GetBoolean()
                ? $"The FRIA already says this: still revision {revision}."
                : $"Saved revision [bold]{revision}[/] of the FRIA of {Markup.Escape(s)} / {Markup.Escape(d)} (log entry {saved.Text("index")}).");
            var missing = read.Document.Missing;
            context.Console.WriteLine(missing.Count == 0
                ? $"It is complete: submit it for review with vigie fria submit {s} {d}."
                : "Still to write: " + string.Join(", ", missing.Select(f => $"{f.Name} ({f.Point})")) + ".");
            return ExitCodes.Ok;
        });
        return command;
    }
}
