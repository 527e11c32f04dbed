namespace Vigie.Core.Risk;

/// <summary>Whether a capability is reached when a score rises to the threshold (accuracy) or falls to it (perplexity, time to solve).</summary>
public enum ThresholdDirection
{
    AtLeast,
    AtMost,
}
