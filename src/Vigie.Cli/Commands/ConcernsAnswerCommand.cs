using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Concerns;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>vigie concerns answer --receipt R --text FILE: answer the recipients, still anonymous (sealed here, no token sent).</summary>
internal static class ConcernsAnswerCommand
{
    public static Command Create(CliApp app)
    {
        var receipt = new Option<string>("--receipt") { Description = "Your receipt.", Required = true };
        var text = new Option<string>("--text") { Description = "A file with your answer.", Required = true };
        var command = new Command("answer", "Answer the people handling your concern, anonymously, with your receipt.") { receipt, text };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var body = ConcernFiles.ReadText(parse.GetValue(text)!, "Text file");
            var keys = ConcernReporterKeys.FromReceipt(ConcernFiles.Receipt(parse.GetValue(receipt)!));
            var status = await context.AnonymousApi.PostJsonAsync("api/v1/concerns/status", new { locator = keys.Locator, access = keys.AccessBase64 }, cancellationToken);
            var recipients = status.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!));
            var envelope = ConcernEnvelope.Seal(new ConcernMessage(body).ToBytes(), [.. recipients, keys.ReplyKey.PublicKey]);
            using var sealedJson = JsonDocument.Parse(envelope.ToJson());
            var answered = await context.AnonymousApi.PostJsonAsync("api/v1/concerns/answers",
                new { locator = keys.Locator, access = keys.AccessBase64, message = sealedJson.RootElement }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(answered);
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"Your answer on concern {answered.GetProperty("concern").GetString()} was recorded as log entry {answered.GetProperty("index").GetInt64()}."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
