using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Core.Attestations;
using Vigie.Core.Governance;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie attest verify FILE [--key K] [--weights FILE | --sha256 HEX] [--system S] [--version V]
/// [--action A] [--max-age-days N]: checks a release attestation offline — the DSSE signature, the signed
/// checkpoint, the gate evaluation's log entry and its inclusion proof — with the log's key
/// (given, or pinned by an earlier 'vigie verify'), and that it allowed the weights, system,
/// version and action the caller names, recently enough. Exit 0 when it verifies, 1 when not: deployment tooling
/// can require it.
/// </summary>
internal static class AttestVerifyCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string>("FILE") { Description = "An attestation saved by 'vigie gate check --attest FILE'." };
        var key = new Option<string?>("--key") { Description = "The log's verifier key (<name>+<id>+<key>, as /log/key serves it); default: the key pinned for that log." };
        var weights = new Option<string?>("--weights") { Description = "The weights file you are about to deploy: its SHA-256 must be the attestation's subject." };
        var sha256 = new Option<string?>("--sha256") { Description = "The SHA-256 the subject must have (instead of --weights)." };
        var system = new Option<string?>("--system") { Description = "The system you are about to deploy: the attestation must be about it." };
        var version = new Option<string?>("--version") { Description = "The version you are about to deploy: the attestation must be about it." };
        var action = new Option<string?>("--action") { Description = $"The action you are about to take ({DecisionTypes.ActionNames}): the gate must have allowed that one." };
        var maxAge = new Option<double?>("--max-age-days") { Description = "Refuse an attestation whose gate evaluation is older than this many days (e.g. 1, or 0.25 for six hours)." };
        var command = new Command("verify", "Verify a release attestation offline: signature, checkpoint, log entry and inclusion proof, and that it allowed what you are about to do. Exit 0 verified, 1 not.")
        {
            file, key, weights, sha256, system, version, action, maxAge,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(action) is { } a && !DecisionTypes.IsAction(a))
            {
                throw new CliFailure(ExitCodes.Usage, $"--action '{a}' is not an action; use one of {DecisionTypes.ActionNames}.");
            }

            DateTimeOffset? oldest = null;
            if (parse.GetValue(maxAge) is { } days)
            {
                oldest = days is > 0 and <= 36_500
                    ? context.Environment.Clock.GetUtcNow() - TimeSpan.FromDays(days)
                    : throw new CliFailure(ExitCodes.Usage, $"--max-age-days must be a number of days above 0 (and at most 36500); got {days}.");
            }

            var bundle = Read(path);
            var verifier = ResolveKey(context, parse.GetValue(key), bundle);
            var expected = parse.GetValue(sha256)?.ToLowerInvariant();
            if (parse.GetValue(weights) is { } weightsPath)
            {
                expected = (await FileDigest.ComputeAsync(weightsPath, cancellationToken)).Sha256;
            }

            var check = AttestationVerifier.Verify(bundle, verifier,
                new AttestationExpectation(expected, parse.GetValue(system), parse.GetValue(version), parse.GetValue(action), oldest));
            var s = check.Statement;
            if (context.Json)
            {
                context.WriteJson(new { verified = check.Verified, problems = check.Problems, checkpointSize = check.CheckpointSize, statement = s });
            }
            else if (check.Verified)
            {
                context.Console.MarkupLine(Markup.Escape(
                    $"verified: {s!.System}@{s.Version} (weights sha256 {s.WeightsSha256}) may {s.Action}: the gate said {s.Result} under policy " +
                    $"{s.PolicyVersion}{(s.Decision is null ? "" : $", decision {s.Decision}")}; log entry {s.LogIndex} of {s.LogOrigin} at {s.CheckedAt}, " +
                    $"proven in the signed checkpoint of size {check.CheckpointSize}."));
            }
            else
            {
                context.Environment.Error.WriteLine($"{path} does not verify:");
                foreach (var problem in check.Problems)
                {
                    context.Environment.Error.WriteLine($"  {problem}");
                }
            }

            return check.Verified ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static JsonElement Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliFailure(ExitCodes.Usage, $"There is no file '{path}'.");
        }

        if (new FileInfo(path).Length > 1 << 20)
        {
            throw new CliFailure(ExitCodes.Usage, $"{path} is larger than an attestation can be (1 MiB).");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.Usage, $"{path} is not JSON: {e.Message}");
        }
    }

    /// <summary>--key, else the key pinned for the log the bundle's checkpoint names (never the key the bundle itself carries).</summary>
    private static NoteVerifier ResolveKey(CommandContext context, string? given, JsonElement bundle)
    {
        if (given is not null)
        {
            return NoteVerifier.TryParse(given, out var parsed, out var error)
                ? parsed!
                : throw new CliFailure(ExitCodes.Usage, $"--key is not a note verifier key (<name>+<id>+<key>): {error}");
        }

        var note = bundle.TryGetProperty("logEntry", out var log) && log.TryGetProperty("checkpoint", out var c) ? c.GetString() ?? "" : "";
        var origin = note.Split('\n', 2)[0];
        foreach (var state in context.Config.Load().Servers.Values)
        {
            if (state.VerifierKey is { } pinned && NoteVerifier.TryParse(pinned, out var verifier, out _) && verifier!.Name == origin)
            {
                return verifier;
            }
        }

        throw new CliFailure(ExitCodes.Usage,
            $"No key is pinned for log '{origin}': give it with --key (the key your organisation publishes, as its /log/key serves it).");
    }
}
