using System.CommandLine;
using Vigie.Core.Impact;

namespace Vigie.Cli.Commands;

/// <summary>How a fairness CSV is read: shared by the offline calculator and the import to a server.</summary>
internal sealed class FairnessOptions
{
    public Option<string[]> Group { get; } = new("--group") { Description = "Group column; repeat for intersectional groups (--group sex --group age).", Required = true, AllowMultipleArgumentsPerToken = false };

    public Option<string> Label { get; } = new("--label") { Description = "Label column (1/0, true/false, yes/no).", DefaultValueFactory = _ => "label" };

    public Option<string> Prediction { get; } = new("--prediction") { Description = "Prediction column.", DefaultValueFactory = _ => "prediction" };

    public Option<string?> Weight { get; } = new("--weight") { Description = "Optional sample-weight column." };

    public Option<string?> Reference { get; } = new("--reference") { Description = "Reference (privileged) group for disparate impact; default: the group with the highest selection rate (29 CFR 1607.4(D))." };

    public Option<int> MinGroupSize { get; } = new("--min-group-size") { Description = "Warn about groups with fewer samples.", DefaultValueFactory = _ => FairnessAnalysis.DefaultMinGroupSize };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Group, Label, Prediction, Weight, Reference, MinGroupSize })
        {
            command.Options.Add(option);
        }
    }

    public FairnessCsvOptions CsvOptions(ParseResult parse) =>
        new(parse.GetValue(Group) ?? [], parse.GetValue(Label)!, parse.GetValue(Prediction)!, parse.GetValue(Weight));

    /// <summary>Reads and analyses the file; any problem with it is a usage error naming the line.</summary>
    public (FairnessReport Report, long Rows) Analyse(FileInfo file, ParseResult parse)
    {
        if (!file.Exists)
        {
            throw new CliFailure(ExitCodes.Usage, $"{file.FullName}: no such file.");
        }

        if (file.Length > ImpactFairnessCommand.MaxFileBytes)
        {
            throw new CliFailure(ExitCodes.Usage, $"{file.Name} is {file.Length} bytes; at most {ImpactFairnessCommand.MaxFileBytes} are read. Aggregate it to per-group counts (group, tp, fp, tn, fn).");
        }

        var options = CsvOptions(parse);
        using var reader = new StreamReader(file.FullName);
        var read = FairnessCsv.Read(reader, options);
        if (read.Error is { } error)
        {
            throw new CliFailure(ExitCodes.Usage, $"{file.Name}: {error}");
        }

        var reference = parse.GetValue(Reference);
        if (reference is not null && read.Groups!.All(g => g.Group != reference))
        {
            throw new CliFailure(ExitCodes.Usage, $"--reference '{reference}' is not a group in {file.Name}; groups: {string.Join(", ", read.Groups!.Select(g => g.Group).Order(StringComparer.Ordinal))}.");
        }

        return (FairnessAnalysis.Analyse(options.GroupColumns, read.Groups!, reference, Math.Max(1, parse.GetValue(MinGroupSize))), read.Rows);
    }
}
