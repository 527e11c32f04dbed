using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>vigie runs add SYSTEM VERSION RUN: record a training run and its compute (FLOP counts toward SB 53 and EU AI Act thresholds).</summary>
internal static class RunsAddCommand
{
    public static Command Create(CliApp app)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The registered system." };
        var version = new Argument<string>("VERSION") { Description = "The version the run produced." };
        var run = new Argument<string>("RUN") { Description = "The run's identifier, e.g. pretrain-1." };
        var started = new Option<string>("--started") { Description = "Start date, YYYY-MM-DD.", Required = true };
        var ended = new Option<string?>("--ended") { Description = "End date, YYYY-MM-DD." };
        var hardware = new Option<string?>("--hardware") { Description = "Accelerators used, e.g. '4096 x H100'." };
        var hours = new Option<double?>("--accelerator-hours") { Description = "Accelerator-hours used." };
        var flop = new Option<double?>("--flop") { Description = "Training compute in FLOP, e.g. 3.1e25." };
        var tokens = new Option<double?>("--tokens") { Description = "Training tokens, a whole number (2e12 is accepted)." };
        var notes = new Option<string?>("--notes") { Description = "Notes." };
        var estimate = new ComputeOptions();
        var command = new Command("add", "Record a training run of a version. Its compute is --flop, or estimated: --params N with --tokens D (6·N·D), or --accelerator TYPE with --accelerator-hours (from hardware).")
        {
            system, version, run, started, ended, hardware, hours, flop, tokens, notes,
        };
        estimate.AddTo(command);
        app.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (computeFlop, runNotes) = (parse.GetValue(flop), parse.GetValue(notes));
            long? tokenCount = parse.GetValue(tokens) switch
            {
                null => null,
                { } t when double.IsFinite(t) && t >= 0 && t < 9.2e18 && Math.Floor(t) == t => (long)t,
                { } t => throw new CliFailure(ExitCodes.Usage, $"--tokens must be a whole number of tokens ≥ 0 (e.g. 2e12); {t} is not."),
            };
            if (estimate.Asked(parse))
            {
                if (computeFlop is not null)
                {
                    throw new CliFailure(ExitCodes.Usage, "Give --flop or what to estimate it from (--params, --accelerator), not both.");
                }

                // The estimate is recorded as the run's compute, and how it was made goes into its notes (kept in the log).
                var e = estimate.Estimate(parse, parse.GetValue(tokens), parse.GetValue(hours), "--tokens");
                computeFlop = e.Flop;
                runNotes = string.IsNullOrWhiteSpace(runNotes) ? ComputeOptions.Describe(e) : runNotes + "\n" + ComputeOptions.Describe(e);
            }

            context.RequireToken();
            var path = RegistryOptions.Path(parse.GetValue(system)!, parse.GetValue(version)!) + "/training-runs";
            var recorded = await context.Api.PostJsonAsync(path, new
            {
                run = parse.GetValue(run),
                startedOn = parse.GetValue(started),
                endedOn = parse.GetValue(ended),
                hardware = parse.GetValue(hardware),
                acceleratorHours = parse.GetValue(hours),
                computeFlop,
                tokens = tokenCount,
                notes = runNotes,
            }, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(recorded);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine(Markup.Escape($"Recorded run {parse.GetValue(run)} of {recorded.Text("system")}@{recorded.Text("version")} as log entry {recorded.Text("index")}."
                + (computeFlop is { } c ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" Compute: {c:0.###E+0} FLOP.") : "")));
            return ExitCodes.Ok;
        });
        return command;
    }
}
