namespace Vigie.Core.Formats.Evaluations;

/// <summary>The outcome of reading an evaluation file: the run, or why the file is not what it claims (never both).</summary>
public sealed record EvaluationImport(EvaluationRun? Run, string? Error)
{
    public bool Succeeded => Run is not null;

    public static EvaluationImport Failed(string error) => new(null, error);
}
