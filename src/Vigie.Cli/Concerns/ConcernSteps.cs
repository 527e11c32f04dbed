using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Concerns;

/// <summary>
/// What ack, reply and close share: the concern id argument, the optional message (sealed here
/// to the reporter's reply key, read from the opened report, and to every recipient), the post.
/// </summary>
internal static class ConcernSteps
{
    public static Argument<string> IdArgument() => new("ID") { Description = "The concern's id (C-...), as 'vigie concerns read' shows it." };

    public static Option<string?> KeyOption(bool required) => new("--key")
    {
        Description = "Your private key file (from 'vigie keys generate'): opens the concern to seal the message to the reporter.",
        Required = required,
    };

    public static Option<string?> TextOption(bool required, string what) => new("--text") { Description = what, Required = required };

    /// <summary>Seals <paramref name="text"/> for a concern whose recipient view is <paramref name="view"/>.</summary>
    public static ConcernEnvelope Seal(JsonElement view, ConcernKeyPair key, string text)
    {
        if (!ConcernEnvelope.TryParse(view.GetProperty("envelope"), out var envelope, out var error))
        {
            throw new CliFailure(ExitCodes.Failed, $"The server sent a concern that does not read: {error}");
        }

        var opened = envelope.Open(key);
        if (!opened.IsOpened || !ConcernReport.TryRead(opened.Content, out var report, out error))
        {
            throw new CliFailure(ExitCodes.Failed, opened.Message ?? $"The concern opened but is not a report: {error}");
        }

        var recipients = view.GetProperty("recipients").EnumerateArray().Select(r => ConcernPublicKey.Import(r.GetProperty("publicKey").GetString()!));
        return ConcernEnvelope.Seal(new ConcernMessage(text).ToBytes(), [.. recipients, report.ReplyKey]);
    }

    public static async Task<int> PostAsync(CommandContext context, string id, string path, string step, Dictionary<string, object?> body,
        string? keyFile, string? textFile, CancellationToken cancellationToken)
    {
        context.RequireToken();
        if (textFile is not null)
        {
            if (keyFile is null)
            {
                throw new CliFailure(ExitCodes.Usage, "--text needs --key: the message is sealed to the reporter, which needs the concern opened with your key.");
            }

            var text = ConcernFiles.ReadText(textFile, "Text file");
            var key = ConcernFiles.PrivateKey(context, keyFile);
            var view = await context.Api.GetJsonAsync($"api/v1/concerns/{Uri.EscapeDataString(id)}", cancellationToken);
            using var sealedJson = JsonDocument.Parse(Seal(view, key, text).ToJson());
            body["message"] = sealedJson.RootElement.Clone();
        }

        var result = await context.Api.PostJsonAsync($"api/v1/concerns/{Uri.EscapeDataString(id)}/{path}", body, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(result);
        }
        else
        {
            context.Console.MarkupLine(Markup.Escape($"Concern {id} {step} (log entry {result.GetProperty("index").GetInt64()}); the reporter sees it with their receipt."));
        }

        return ExitCodes.Ok;
    }
}
