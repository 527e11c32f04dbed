using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Concerns;
using Vigie.Cli.Config;
using Vigie.Cli.Http;
using Vigie.Cli.Verification;
using Vigie.Core.Concerns;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie concerns status --receipt R [--out FILE]: where the concern stands, its clocks, the
/// replies (opened here with the key derived from the receipt) and the proof of filing, checked
/// here against a checkpoint signed by the pinned log key. No token is sent.
/// </summary>
internal static class ConcernsStatusCommand
{
    public static Command Create(CliApp app)
    {
        var receipt = new Option<string>("--receipt") { Description = "The receipt you were given when you raised the concern.", Required = true };
        var output = new Option<string?>("--out") { Description = "Also save the report, replies and proofs as one file (to take to a regulator)." };
        var command = new Command("status", "Follow up on a concern with its receipt: status, clocks, replies and verified proofs of filing.") { receipt, output };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var keys = ConcernReporterKeys.FromReceipt(ConcernFiles.Receipt(parse.GetValue(receipt)!));
            var status = await context.AnonymousApi.PostJsonAsync("api/v1/concerns/status",
                new { locator = keys.Locator, access = keys.AccessBase64 }, cancellationToken);
            var view = ReporterView.Open(status, keys.ReplyKey);
            var config = context.Config.Load();
            var state = ConfigStore.StateFor(config, context.Server.Key);
            var wasPinned = state.VerifierKey is not null;
            var proof = ConcernProofCheck.Check(status, await KeyPinning.ResolveAsync(context, state, null, cancellationToken));
            if (!wasPinned && proof.Problem is null)
            {
                context.Config.Save(config);
            }

            if (parse.GetValue(output) is { } path)
            {
                var today = context.Environment.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    File.WriteAllText(path, JsonSerializer.Serialize(view.ToBundle(context.Server.Key, today), CliJson.Output));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliFailure(ExitCodes.Usage, $"Cannot write '{path}': {e.Message}");
                }
            }

            if (context.Json)
            {
                context.WriteJson(new
                {
                    concern = status.GetProperty("concern").GetString(),
                    status = status.GetProperty("status").GetString(),
                    receivedOn = status.GetProperty("receivedOn").GetString(),
                    outcome = status.GetProperty("outcome").GetString(),
                    clocks = status.GetProperty("clocks"),
                    report = view.Report?.Text,
                    messages = view.Messages,
                    externalChannels = status.GetProperty("externalChannels"),
                    proof = new { verified = proof.Verified, checkpoint = proof.CheckpointSize, problem = proof.Problem, entries = proof.Entries, heldUntil = proof.HeldUntil },
                });
            }
            else
            {
                Print(context, status, view, proof);
            }

            return proof.Verified ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void Print(CommandContext context, JsonElement status, ReporterView view, ConcernProofCheck.Result proof)
    {
        var console = context.Console;
        console.MarkupLine(Markup.Escape($"Concern {status.GetProperty("concern").GetString()}: {status.GetProperty("status").GetString()}"
            + $" (received {status.GetProperty("receivedOn").GetString()}{(status.GetProperty("outcome").GetString() is { } o ? $", outcome: {o}" : "")})"));
        var clocks = new Table().AddColumns("Obligation", "Due", "Status");
        foreach (var clock in status.GetProperty("clocks").EnumerateArray())
        {
            clocks.AddRow(Markup.Escape(clock.GetProperty("description").GetString()!), Markup.Escape(clock.GetProperty("due").GetString()!), Markup.Escape(clock.GetProperty("status").GetString()!));
        }

        console.Write(clocks);
        foreach (var message in view.Messages)
        {
            console.MarkupLine(Markup.Escape($"[{message.On}] {message.By} ({message.Step}): {message.Text ?? "(cannot be opened with this receipt)"}"));
        }

        if (proof.HeldUntil is { } held)
        {
            console.MarkupLine(Markup.Escape($"Held until {held}: it enters the log then, at a random time of day, and its recipients read it from then on. " +
                "The proof of filing comes with it: check again after that day."));
        }

        foreach (var entry in proof.Entries)
        {
            var state = entry.Problem ?? (entry.Pending ? "not yet in a signed checkpoint (check again in a moment)" : $"included in checkpoint {proof.CheckpointSize}");
            console.MarkupLine(Markup.Escape($"log entry {entry.Index} {entry.Kind} {entry.Day}: {state}"));
        }

        if (proof.Problem is not null)
        {
            context.Environment.Error.WriteLine($"The proof of filing failed: {proof.Problem}");
        }

        foreach (var channel in status.GetProperty("externalChannels").EnumerateArray())
        {
            console.MarkupLine(Markup.Escape($"External channel: {channel.GetProperty("name").GetString()} {channel.GetProperty("url").GetString()}"));
        }
    }
}
