using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigie.Cli.Config;
using Vigie.Cli.Verification;
using Vigie.Core.Ledger;
using Vigie.Core.Witnesses;

namespace Vigie.Cli.Commands;

/// <summary>
/// vigie verify: the monitor. Checks the newest checkpoint's signature with the pinned key, the
/// whole log behind it from C2SP tiles, and its consistency with the last checkpoint this
/// machine verified; then remembers the new checkpoint.
/// </summary>
internal static class LogVerifyCommand
{
    /// <summary>Below this many entries a run takes well under a second: no progress bar.</summary>
    private const long ProgressThreshold = 100_000;

    public static Command Create(CliApp app)
    {
        var key = new Option<string?>("--key")
        {
            Description = "The log's verifier key (<name>+<key id>+<base64>). Pinned on first use; without it the server's key is trusted on first use.",
        };
        var witness = new Option<string[]>("--witness")
        {
            Description = "A witness's cosignature key (<name>+<key id>+<base64 key>, type 0x04). Repeat for several; the checkpoint must carry their cosignatures.",
        };
        var minWitnesses = new Option<int?>("--min-witnesses")
        {
            Description = "How many of the --witness keys must have cosigned the checkpoint (default: all of them).",
        };
        var command = new Command("verify",
            "Verify the whole log: the checkpoint's signature with the pinned key, every entry and hash tile, the root, " +
            "and consistency with the last checkpoint seen (no rollback, no fork). With --witness, also that independent " +
            "witnesses cosigned the same checkpoint (no split view). Saves the new checkpoint when valid.")
        {
            key, witness, minWitnesses,
        };
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var config = context.Config.Load();
            var state = ConfigStore.StateFor(config, context.Server.Key);
            var requirement = WitnessRequirement.Parse(parse.GetValue(witness) ?? [], parse.GetValue(minWitnesses));
            var trusted = await KeyPinning.ResolveAsync(context, state, parse.GetValue(key), cancellationToken);
            var latest = await CheckpointReader.FetchAsync(context, trusted, cancellationToken);
            WitnessCheckResult? witnessed = null;
            if (requirement is not null)
            {
                (latest, witnessed) = await requirement.FetchAsync(context, trusted, cancellationToken);
                if (!witnessed.Satisfied)
                {
                    if (context.Json)
                    {
                        context.WriteJson(new { valid = false, problem = witnessed.Summary, origin = latest.Checkpoint.Origin, size = latest.Checkpoint.Size, witnesses = WitnessJson(witnessed) });
                    }

                    throw new CliFailure(ExitCodes.Failed, $"The log's {latest.Describe()} is not witnessed as required: {witnessed.Summary}");
                }
            }

            var previous = state.Checkpoint;
            var clock = Stopwatch.StartNew();
            var outcome = await RunAuditAsync(context, latest, previous, cancellationToken);
            var elapsed = clock.Elapsed;
            if (outcome.Valid)
            {
                state.Checkpoint = new SavedCheckpoint(latest.Note, latest.Checkpoint.Size, latest.RootBase64);
                context.Config.Save(config);
            }

            Report(context, latest, previous, outcome, elapsed, witnessed);
            return outcome.Valid ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<AuditOutcome> RunAuditAsync(CommandContext context, VerifiedCheckpoint latest, SavedCheckpoint? previous, CancellationToken cancellationToken)
    {
        var audit = new LogAudit(context);
        if (!context.ShowProgress || latest.Checkpoint.Size < ProgressThreshold)
        {
            return await audit.RunAsync(latest, previous, null, cancellationToken);
        }

        AuditOutcome? outcome = null;
        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Verifying entries", maxValue: latest.Checkpoint.Size);
                outcome = await audit.RunAsync(latest, previous, done => task.Value = done, cancellationToken);
                task.Value = task.MaxValue;
            });
        return outcome!;
    }

    private static object WitnessJson(WitnessCheckResult result) => new
    {
        required = result.Required,
        cosigned = result.Cosigned.Select(c => new { witness = c.Name, time = LedgerTime.Format(c.Time) }),
        missing = result.Missing,
    };

    private static void Report(CommandContext context, VerifiedCheckpoint latest, SavedCheckpoint? previous, AuditOutcome outcome, TimeSpan elapsed, WitnessCheckResult? witnessed)
    {
        var checkpoint = latest.Checkpoint;
        if (context.Json)
        {
            context.WriteJson(new
            {
                valid = outcome.Valid,
                problem = outcome.Problem,
                origin = checkpoint.Origin,
                size = checkpoint.Size,
                rootHash = latest.RootBase64,
                verifierKey = latest.Key.VerifierKey,
                previous = previous is null ? null : new { size = previous.Size, rootHash = previous.RootHash },
                entriesChecked = outcome.EntriesChecked,
                tilesChecked = outcome.TilesChecked,
                witnesses = witnessed is null ? null : WitnessJson(witnessed),
                seconds = Math.Round(elapsed.TotalSeconds, 3),
            });
        }

        if (!outcome.Valid)
        {
            context.Environment.Error.WriteLine($"The log at {context.Server} is NOT valid: {outcome.Problem}");
            return;
        }

        if (context.Json)
        {
            return;
        }

        var rate = elapsed.TotalSeconds > 0 ? outcome.EntriesChecked / elapsed.TotalSeconds : 0;
        context.Console.MarkupLine(Markup.Escape(
            $"Log {checkpoint.Origin} is valid: {checkpoint.Size} entries, root {latest.RootBase64}, signed by the pinned key."));
        context.Console.MarkupLine(Markup.Escape(previous is null
            ? "First checkpoint seen for this server; saved for the next run's consistency check."
            : $"Consistent with checkpoint {previous.Size} seen before (no rollback, no fork)."));
        if (witnessed is not null)
        {
            context.Console.MarkupLine(Markup.Escape(witnessed.Summary));
        }

        context.Console.MarkupLine(Markup.Escape(
            $"Checked {outcome.EntriesChecked} entries and {outcome.TilesChecked} tiles in {elapsed.TotalSeconds:0.00} s ({rate:N0} entries/s)."));
    }
}
