using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Http;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Commands;

/// <summary>vigie log entry N: one entry as stored, with its leaf hash computed here from its bytes.</summary>
internal static class LogEntryCommand
{
    public static Command Create(CliApp app)
    {
        var index = new Argument<long>("N") { Description = "The entry's index in the log (0 is the first)." };
        var command = new Command("entry", "Show log entry N: kind, time, actor, visibility and body (internal bodies need a token).") { index };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var n = parse.GetValue(index);
            if (n < 0)
            {
                throw new CliFailure(ExitCodes.Usage, "N is an entry index: 0 or more.");
            }

            var entry = await context.Api.GetJsonAsync($"api/v1/log/entries/{n}", cancellationToken);
            var bytes = Convert.FromBase64String(entry.GetProperty("envelopeBase64").GetString() ?? "");
            var leafHash = Convert.ToBase64String(MerkleHash.Leaf(bytes));
            var parsed = Envelope.TryParse(bytes, out var envelope, out var error);
            entry.TryGetProperty("sealedBody", out var sealedBody);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    index = n,
                    leafHash,
                    envelope = JsonDocument.Parse(bytes).RootElement,
                    sealedBody = sealedBody.ValueKind == JsonValueKind.Object ? sealedBody : (JsonElement?)null,
                    valid = parsed,
                    problem = error,
                });
                return parsed ? ExitCodes.Ok : ExitCodes.Failed;
            }

            if (!parsed)
            {
                throw new CliFailure(ExitCodes.Failed, $"Entry {n} is not a valid Vigie entry: {error}.");
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Index", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("Kind", Markup.Escape(envelope!.Kind));
            grid.AddRow("Time", envelope.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("Actor", Markup.Escape(envelope.Actor ?? "(anonymous)"));
            grid.AddRow("Visibility", envelope.Visibility.ToString().ToLowerInvariant());
            grid.AddRow("Leaf hash", leafHash);
            var body = envelope.Body ?? (sealedBody.ValueKind == JsonValueKind.Object && sealedBody.TryGetProperty("body", out var revealed) ? revealed : null);
            grid.AddRow("Body", body is { } b ? Markup.Escape(JsonSerializer.Serialize(b, CliJson.Output)) : "(sealed: commitment only)");
            context.Console.Write(grid);
            return ExitCodes.Ok;
        });
        return command;
    }
}
