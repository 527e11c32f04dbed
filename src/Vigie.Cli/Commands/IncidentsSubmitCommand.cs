using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Cli.Incidents;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie incidents submit ID --regime R [--obligation O] [--at TIME] [--reference REF] [--sent FILE]:
/// records that a report was sent to the regime's authority (a ledger entry, kept as documentation).
/// </summary>
internal static class IncidentsSubmitCommand
{
    private const int MaxSentBytes = 32 * 1024;

    public static Command Create(CliApp app)
    {
        var id = IncidentsCommands.Id();
        var regime = new Option<string>("--regime") { Description = $"The regime reported under: {string.Join(", ", IncidentNames.RegimeNames)}.", Required = true };
        regime.AcceptOnlyFromAmong([.. IncidentNames.RegimeNames]);
        var obligation = new Option<string?>("--obligation") { Description = "Which report (e.g. gpai-cop/update); default: the regime's soonest one still owed." };
        var at = new Option<string?>("--at") { Description = "When it was sent: YYYY-MM-DD or an RFC 3339 time (default: now)." };
        var reference = new Option<string?>("--reference") { Description = "The authority's reference or receipt number." };
        var recipient = new Option<string?>("--recipient") { Description = "Who it was sent to, if not the regime's usual recipient." };
        var note = new Option<string?>("--note") { Description = "Anything to remember about the sending." };
        var sent = new Option<string?>("--sent") { Description = "A file with the report as actually sent (text, at most 32 KiB), kept as documentation." };
        var command = new Command("submit", "Record that a report about an incident was sent to a regime's authority.") { id, regime, obligation, at, reference, recipient, note, sent };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            string? text = null;
            if (parse.GetValue(sent) is { } path)
            {
                var bytes = Concerns.ConcernFiles.Read(path, "Report file");
                text = bytes.Length <= MaxSentBytes
                    ? System.Text.Encoding.UTF8.GetString(bytes)
                    : throw new CliFailure(ExitCodes.Usage, $"'{path}' is {bytes.Length} bytes; record at most {MaxSentBytes / 1024} KiB of text (keep larger reports as evidence: vigie evidence add).");
            }

            var answer = await context.Api.PostJsonAsync(IncidentText.Path(parse.GetValue(id)!) + "/submissions", new
            {
                regime = parse.GetValue(regime),
                obligation = parse.GetValue(obligation),
                submittedAt = parse.GetValue(at),
                reference = parse.GetValue(reference),
                recipient = parse.GetValue(recipient),
                note = parse.GetValue(note),
                sentText = text,
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(answer);
                return ExitCodes.Ok;
            }

            var incident = answer.GetProperty("incident");
            var recorded = incident.GetProperty("submissions").EnumerateArray().Single(s => s.Text("index") == answer.Text("index"));
            var timing = recorded.GetProperty("onTime").ValueKind switch { System.Text.Json.JsonValueKind.True => "on time", System.Text.Json.JsonValueKind.False => "LATE", _ => "" };
            context.Console.WriteLine($"Recorded {recorded.Text("obligation")} sent {recorded.Text("submittedAt")} ({timing}) as log entry {answer.Text("index")}. {IncidentText.Standing(incident)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
