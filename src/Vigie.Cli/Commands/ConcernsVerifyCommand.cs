using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Cli.Verification;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie concerns verify FILE [--log-key KEY]: checks a saved concern file's proofs offline, with
/// the log key pinned for its server (or one given): no network, so it works years later or on a
/// regulator's machine.
/// </summary>
internal static class ConcernsVerifyCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "A file saved by 'vigie concerns status --out'." };
        var logKey = new Option<string?>("--log-key") { Description = "The log's verifier key (<name>+<id>+<key>), when none is pinned for the file's server." };
        var command = new Command("verify", "Check a saved concern file's proof of filing offline, with the pinned log key.") { file, logKey };
        app.SetAction(command, (context, parse, _) =>
        {
            JsonElement bundle;
            try
            {
                using var document = JsonDocument.Parse(Concerns.ConcernFiles.Read(parse.GetValue(file)!, "Concern file"));
                bundle = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new CliFailure(ExitCodes.Usage, $"{parse.GetValue(file)} is not JSON: {e.Message}");
            }

            if (bundle.ValueKind != JsonValueKind.Object || !bundle.TryGetProperty("format", out var format) || format.GetString() != Concerns.ReporterView.BundleFormat)
            {
                throw new CliFailure(ExitCodes.Usage, $"{parse.GetValue(file)} is not a {Concerns.ReporterView.BundleFormat} file.");
            }

            var server = bundle.GetProperty("server").GetString() ?? "";
            var keyText = parse.GetValue(logKey) ?? context.Config.Load().Servers.GetValueOrDefault(server)?.VerifierKey
                ?? throw new CliFailure(ExitCodes.Usage, $"No log key is pinned for {server}: give it with --log-key (the key your organisation publishes).");
            if (!NoteVerifier.TryParse(keyText, out var key, out var error))
            {
                throw new CliFailure(ExitCodes.Usage, $"--log-key is not a note verifier key: {error}");
            }

            var proof = ConcernProofCheck.Check(bundle.GetProperty("status"), key!);
            if (context.Json)
            {
                context.WriteJson(new { verified = proof.Verified, checkpoint = proof.CheckpointSize, problem = proof.Problem, entries = proof.Entries });
            }
            else
            {
                foreach (var entry in proof.Entries)
                {
                    context.Console.MarkupLine(Markup.Escape($"log entry {entry.Index} {entry.Kind} {entry.Day}: {entry.Problem ?? (entry.Pending ? "no proof yet" : "verified")}"));
                }
            }

            if (!proof.Verified)
            {
                context.Environment.Error.WriteLine($"The proof of filing does not verify: {proof.Problem ?? proof.Entries.First(e => e.Problem is not null).Problem}");
            }

            return Task.FromResult(proof.Verified ? ExitCodes.Ok : ExitCodes.Failed);
        });
        return command;
    }
}
