using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Concerns;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie concerns read --key FILE [--concern ID]: the concerns routed to you, opened here with your
/// private key (which never leaves this machine), with their clocks and whole conversation.
/// </summary>
internal static class ConcernsReadCommand
{
    public static Command Create(CliApp app)
    {
        var key = new Option<string>("--key") { Description = "Your private key file (from 'vigie keys generate').", Required = true };
        var only = new Option<string?>("--concern") { Description = "Show only this concern (C-...)." };
        var command = new Command("read", "Read the concerns routed to you, opened on this machine with your private key.") { key, only };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            context.RequireToken();
            var privateKey = ConcernFiles.PrivateKey(context, parse.GetValue(key)!);
            var inbox = await context.Api.GetJsonAsync("api/v1/concerns/inbox", cancellationToken);
            var concerns = inbox.EnumerateArray()
                .Where(c => parse.GetValue(only) is not { } id || c.GetProperty("concern").GetString() == id)
                .Select(c => Open(c, privateKey)).ToList();
            if (context.Json)
            {
                context.WriteJson(concerns);
                return ExitCodes.Ok;
            }

            if (concerns.Count == 0)
            {
                context.Console.MarkupLine("No concern is routed to you.");
            }

            foreach (var c in concerns)
            {
                context.Console.MarkupLine(Markup.Escape($"{c.Concern} ({c.Status}, received {c.ReceivedOn}, {c.Category}, tier {c.Tier}{(c.About.Count > 0 ? ", about " + string.Join(", ", c.About) : "")})"));
                foreach (var clock in c.Clocks)
                {
                    context.Console.MarkupLine(Markup.Escape($"  {clock.GetProperty("status").GetString()}: {clock.GetProperty("description").GetString()}, due {clock.GetProperty("due").GetString()}"));
                }

                context.Console.WriteLine(c.Text ?? $"  (cannot be opened: {c.Problem})");
                foreach (var m in c.Messages)
                {
                    context.Console.MarkupLine(Markup.Escape($"  [{m.On}] {m.By} ({m.Step}): {m.Text ?? "(not sealed to your key)"}"));
                }

                context.Console.WriteLine();
            }

            return concerns.Any(c => c.Text is null) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Opened(
        string Concern, string Status, string ReceivedOn, string Category, string Tier, IReadOnlyList<string> About,
        IReadOnlyList<JsonElement> Clocks, string? Text, string? Problem, IReadOnlyList<string> Attachments, IReadOnlyList<ReporterView.Message> Messages);

    private static Opened Open(JsonElement c, ConcernKeyPair key)
    {
        string? text = null, problem;
        var attachments = new List<string>();
        if (!ConcernEnvelope.TryParse(c.GetProperty("envelope"), out var envelope, out problem))
        {
            problem = $"the stored concern does not read: {problem}";
        }
        else if (envelope.Open(key) is { IsOpened: true } opened && ConcernReport.TryRead(opened.Content, out var report, out problem))
        {
            text = report.Text;
            attachments.AddRange(report.Attachments.Select(a => $"{a.Name} ({a.Data.Length} bytes)"));
        }
        else
        {
            problem ??= envelope.Open(key).Message;
        }

        var messages = c.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("message").ValueKind == JsonValueKind.Object).Select(e =>
        {
            var opened = ConcernEnvelope.TryParse(e.GetProperty("message"), out var m, out _) ? m.Open(key) : null;
            var message = opened is { IsOpened: true } && ConcernMessage.TryRead(opened.Content, out var read, out _) ? read.Text : null;
            return new ReporterView.Message(e.GetProperty("step").GetString()!, e.GetProperty("on").GetString()!, e.GetProperty("by").GetString() ?? "", message);
        }).ToList();
        return new Opened(c.GetProperty("concern").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("receivedOn").GetString()!,
            c.GetProperty("category").GetString()!, c.GetProperty("tier").GetString()!,
            c.GetProperty("about").EnumerateArray().Select(a => a.GetString()!).ToList(), c.GetProperty("clocks").EnumerateArray().ToList(),
            text, text is null ? problem : null, attachments, messages);
    }
}
