namespace Vigie.Core.Risk;

/// <summary>What a threshold with no evaluation result counts as: unknown (the default), or reached.</summary>
public enum MissingEvaluationRule
{
    Unknown,
    Reached,
}
