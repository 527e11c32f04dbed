using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Concerns;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie concerns submit --text FILE [--about ROLE ...] [--category C] [--attach FILE ...]: raise
/// a concern anonymously. The receipt is made here; the text and attachments are sealed here to
/// the recipients' keys and to a reply key derived from the receipt; no token is sent.
/// </summary>
internal static class ConcernsSubmitCommand
{
    private const int MaxAttachmentBytes = 300 * 1024;

    public static Command Create(CliApp app)
    {
        var text = new Option<string>("--text") { Description = "A file with the concern, in your words.", Required = true };
        var about = new Option<string[]>("--about") { Description = "A role the concern is about (one or more: --about board executive); its holders will not receive it.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var category = new Option<string?>("--category") { Description = "safety, security, legal-compliance, misconduct, retaliation or other (default)." };
        var attach = new Option<string[]>("--attach") { Description = "A file to send with it, sealed too (one or more; 300 KiB in all).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var command = new Command("submit", "Raise a concern anonymously: sealed on this machine, no account, prints the receipt once.") { text, about, category, attach };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var body = ConcernFiles.ReadText(parse.GetValue(text)!, "Text file");
            var attachments = (parse.GetValue(attach) ?? []).Select(path => new ConcernAttachment(
                Path.GetFileName(path), "application/octet-stream", ConcernFiles.Read(path, "Attachment"))).ToList();
            if (attachments.Sum(a => a.Data.Length) > MaxAttachmentBytes)
            {
                throw new CliFailure(ExitCodes.Usage, $"The attachments come to more than {MaxAttachmentBytes / 1024} KiB; send the largest through an external channel.");
            }

            var roles = parse.GetValue(about) ?? [];
            var query = string.Concat(roles.Select((r, i) => (i == 0 ? "?" : "&") + "about=" + Uri.EscapeDataString(r)));
            var routing = await context.AnonymousApi.GetJsonAsync("api/v1/concerns/recipients" + query, cancellationToken);
            var recipients = routing.GetProperty("recipients").EnumerateArray().ToList();
            var keys = recipients.Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!)).ToList();
            for (var attempt = 1; ; attempt++)
            {
                var receipt = ConcernReceipt.Generate();
                var reporter = ConcernReporterKeys.FromReceipt(receipt);
                var envelope = ConcernEnvelope.Seal(new ConcernReport(body, reporter.ReplyKey.PublicKey, attachments).ToBytes(), [.. keys, reporter.ReplyKey.PublicKey]);
                using var sealedJson = JsonDocument.Parse(envelope.ToJson());
                JsonElement filed;
                try
                {
                    filed = await context.AnonymousApi.PostJsonAsync("api/v1/concerns", new
                    {
                        envelope = sealedJson.RootElement,
                        locator = reporter.Locator,
                        access = reporter.AccessBase64,
                        about = roles,
                        category = parse.GetValue(category),
                    }, cancellationToken);
                }
                catch (CliFailure e) when (attempt < 3 && e.Message.Contains("make a new receipt", StringComparison.Ordinal))
                {
                    continue; // a 45-bit locator clash: vanishingly rare, and harmless to retry
                }

                Print(context, receipt, filed, recipients);
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static void Print(CommandContext context, ConcernReceipt receipt, JsonElement filed, List<JsonElement> recipients)
    {
        var names = recipients.Select(r => $"{r.GetProperty("name").GetString()} ({r.GetProperty("tier").GetString()})").ToList();
        if (context.Json)
        {
            context.WriteJson(new
            {
                concern = filed.GetProperty("concern").GetString(),
                receipt = receipt.DisplayText,
                index = filed.GetProperty("index").ValueKind == JsonValueKind.Number ? filed.GetProperty("index").GetInt64() : (long?)null,
                entersLogOn = filed.TryGetProperty("entersLogOn", out var on) && on.ValueKind == JsonValueKind.String ? on.GetString() : null,
                receivedOn = filed.GetProperty("receivedOn").GetString(),
                envelopeSha256 = filed.GetProperty("envelopeSha256").GetString(),
                sealedTo = names,
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(filed.GetProperty("index").ValueKind == JsonValueKind.Number
            ? $"Your concern {filed.GetProperty("concern").GetString()} was filed on {filed.GetProperty("receivedOn").GetString()} as log entry {filed.GetProperty("index").GetInt64()}."
            : $"Your concern {filed.GetProperty("concern").GetString()} was received on {filed.GetProperty("receivedOn").GetString()} and is held until " +
              $"{filed.GetProperty("entersLogOn").GetString()}, when it enters the log at a random time of day, so its place in the log does not date your filing. " +
              "Its recipients read it from then on; the proof of filing comes with it."));
        context.Console.MarkupLine(Markup.Escape($"It was sealed on this machine to: {string.Join(", ", names)}. The server cannot read it."));
        context.Console.WriteLine();
        context.Console.MarkupLine("Your receipt, shown [bold]this once[/] (it is stored nowhere; without it you cannot follow up):");
        context.Console.WriteLine();
        context.Console.WriteLine("    " + receipt.DisplayText);
        context.Console.WriteLine();
        context.Console.MarkupLine(Markup.Escape("Follow up with: vigie concerns status --receipt RECEIPT"));
    }
}
