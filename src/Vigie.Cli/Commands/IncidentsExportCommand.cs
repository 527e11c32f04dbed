using System.CommandLine;
using Spectre.Console;
using System.Text.Json;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie incidents export ID [--regime R] [--format markdown|json|both] [--out PATH]: the report
/// draft for a regime (its next report owed, or --obligation), with every field the regime asks
/// for and the missing ones listed. One regime to stdout or a file; every applicable regime into a folder.
/// </summary>
internal static class IncidentsExportCommand
{
    public static Command Create(CliApp app)
    {
        var id = IncidentsCommands.Id();
        var regime = new Option<string?>("--regime") { Description = $"One regime: {string.Join(", ", IncidentNames.RegimeNames)} (default: every regime the incident is under, into --out DIR)." };
        regime.AcceptOnlyFromAmong([.. IncidentNames.RegimeNames]);
        var obligation = new Option<string?>("--obligation") { Description = "Which report (e.g. gpai-cop/final-report); default: the next one owed." };
        var format = new Option<string?>("--format") { Description = "markdown (default), json, or both (with --out DIR)." };
        format.AcceptOnlyFromAmong("markdown", "json", "both");
        var output = new Option<string?>("--out") { Description = "A file (one regime, one format) or a folder (files named inc-N-REGIME-KIND.md/.json)." };
        var command = new Command("export", "Export report drafts per regime (Markdown, JSON) with the fields each report requires.") { id, regime, obligation, format, output };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var incident = parse.GetValue(id)!;
            var formats = (parse.GetValue(format) ?? (context.Json ? "json" : "markdown")) switch
            {
                "both" => new[] { "markdown", "json" },
                var f => [f],
            };
            var regimes = parse.GetValue(regime) is { } one
                ? [one]
                : (await context.Api.GetJsonAsync(IncidentText.Path(incident), cancellationToken)).GetProperty("regimes").EnumerateArray().Select(r => r.Text("regime")).ToArray();
            var folder = parse.GetValue(output) is { } o && (Directory.Exists(o) || regimes.Length * formats.Length > 1) ? o : null;
            if (folder is null && regimes.Length * formats.Length > 1)
            {
                throw new CliFailure(ExitCodes.Usage, $"{incident} is under {string.Join(", ", regimes)}: give --regime for one draft on stdout, or --out DIR for all of them.");
            }

            if (regimes.Length == 0)
            {
                throw new CliFailure(ExitCodes.Failed, $"{incident} is under no reporting regime, so there is no report to draft (name one: vigie incidents update {incident} --regime R).");
            }

            var written = new List<string>();
            foreach (var r in regimes)
            {
                foreach (var f in formats)
                {
                    var query = $"{IncidentText.Path(incident)}/reports/{r}?format={f}" + (parse.GetValue(obligation) is { } ob ? "&obligation=" + Uri.EscapeDataString(ob) : "");
                    var text = await context.Api.GetTextAsync(query, cancellationToken);
                    if (folder is null && parse.GetValue(output) is null)
                    {
                        context.Environment.Out.Write(text);
                        return ExitCodes.Ok;
                    }

                    var path = folder is null ? parse.GetValue(output)! : Path.Combine(folder, FileName(incident, r, f, text));
                    Write(path, text);
                    written.Add(path);
                }
            }

            context.Console.WriteLine($"Wrote {string.Join(", ", written)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string FileName(string incident, string regime, string format, string text)
    {
        var kind = "initial";
        if (format == "json")
        {
            using var draft = JsonDocument.Parse(text);
            kind = draft.RootElement.Text("report");
        }
        else if (text.StartsWith("# Update", StringComparison.Ordinal))
        {
            kind = "update";
        }
        else if (text.StartsWith("# Final", StringComparison.Ordinal))
        {
            kind = "final";
        }

        return $"{incident}-{regime}-{kind}.{(format == "json" ? "json" : "md")}";
    }

    private static void Write(string path, string text)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Cannot write '{path}': {e.Message}");
        }
    }
}
