using System.CommandLine;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>The options of an inference estimate, shared by the offline calculator and by recording one on a server; power, PUE, region and water as for energy.</summary>
internal sealed class InferenceOptions
{
    public Option<double?> Parameters { get; } = new("--params") { Description = "Parameters N of the model (2·N FLOP per token), e.g. 7e10." };

    public Option<double?> TokensPerDay { get; } = new("--tokens-per-day") { Description = "Tokens served per day (input and output), e.g. 2e9: gives figures per day, and per million tokens from a fleet." };

    public Option<double?> TokensPerSecond { get; } = new("--tokens-per-second") { Description = "Measured throughput per accelerator, tokens/s." };

    public Option<double?> Utilisation { get; } = new("--utilisation") { Description = "Share 0-1 of the accelerator's peak dense FLOP/s the service achieves (with --params and --accelerator)." };

    public Option<double?> HoursPerDay { get; } = new("--hours-per-day") { Description = "With --count: hours a day the fleet serves (default 24)." };

    public Option<double?> MeasuredKwhPerDay { get; } = new("--measured-kwh-per-day") { Description = "Metered IT energy of the service per day, kWh (replaces power × time)." };

    /// <summary>Power, count (accelerators serving), PUE, region, year, intensities, water; not hours, accelerator-hours or measured kWh.</summary>
    public EnergyOptions Energy { get; } = new();

    public void AddTo(Command command, bool withData)
    {
        foreach (var option in new Option[] { Parameters, TokensPerDay, TokensPerSecond, Utilisation, HoursPerDay, MeasuredKwhPerDay })
        {
            command.Options.Add(option);
        }

        Energy.AddTo(command);
        command.Options.Remove(Energy.Hours);
        command.Options.Remove(Energy.AcceleratorHours);
        command.Options.Remove(Energy.MeasuredKwh);
        if (!withData)
        {
            command.Options.Remove(Energy.Data);
        }
    }

    public InferenceRequest Request(ParseResult parse) => new()
    {
        Parameters = parse.GetValue(Parameters),
        TokensPerDay = parse.GetValue(TokensPerDay),
        TokensPerSecond = parse.GetValue(TokensPerSecond),
        Utilisation = parse.GetValue(Utilisation),
        Count = parse.GetValue(Energy.Count),
        HoursPerDay = parse.GetValue(HoursPerDay),
        MeasuredKwhPerDay = parse.GetValue(MeasuredKwhPerDay),
        Energy = Energy.Request(parse) with { Count = null, Hours = null, AcceleratorHours = null, MeasuredItKwh = null },
    };
}
