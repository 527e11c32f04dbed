using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie report KIND: a generated document — the periodic transparency report, or for one model
/// the SB 53 transparency report, the EU Annex XI technical documentation or the Code of Practice
/// Model Report — in HTML, Markdown or PDF, built by the server from public ledger entries.
/// </summary>
internal static class ReportCommand
{
    private static readonly string[] Kinds = ["transparency", "sb53", "annex-xi", "model-report"];
    private static readonly string[] Formats = ["html", "md", "pdf"];

    public static Command Create(CliApp app)
    {
        var kind = new Argument<string>("KIND") { Description = "transparency, sb53, annex-xi or model-report." };
        kind.AcceptOnlyFromAmong(Kinds);
        var system = new Option<string?>("--system") { Description = "The system the document is about (sb53, annex-xi, model-report)." };
        var version = new Option<string?>("--version") { Description = "The version (default: the latest public version with a model card)." };
        var from = new Option<string?>("--from") { Description = "First day of the period, yyyy-MM-dd (transparency)." };
        var to = new Option<string?>("--to") { Description = "Last day of the period, yyyy-MM-dd, included." };
        var format = new Option<string>("--format") { Description = "html, md or pdf.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
        var command = new Command("report",
            "Generate a document from the log: every figure names its log entries and the checkpoint it was generated against.")
        {
            kind, system, version, from, to, format, output,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var k = parse.GetValue(kind)!;
            var s = parse.GetValue(system);
            if (k != "transparency" && string.IsNullOrWhiteSpace(s))
            {
                throw new CliFailure(ExitCodes.Usage, $"The {k} document is about one model: give --system NAME (and --version, or the latest version with a card is used).");
            }

            var query = new List<string> { "format=" + parse.GetValue(format) };
            void Add(string name, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            Add("system", s);
            Add("version", parse.GetValue(version));
            Add("from", parse.GetValue(from));
            Add("to", parse.GetValue(to));
            var bytes = await context.Api.GetBytesAsync($"api/v1/reports/{k}?{string.Join('&', query)}", cancellationToken);
            var path = parse.GetValue(output)!;
            try
            {
                await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                throw new CliFailure(ExitCodes.Usage, $"Cannot write {path}: {e.Message}");
            }

            if (context.Json)
            {
                context.WriteJson(new { kind = k, format = parse.GetValue(format), file = Path.GetFullPath(path), bytes = bytes.Length });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"Wrote the {k} document ({bytes.Length:N0} bytes) to {Path.GetFullPath(path)}."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
