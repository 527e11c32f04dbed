namespace Vigie.Core.Policies;

/// <summary>A line diff of any two texts (charters, frameworks, policies as published), with the same algorithm policies use.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string? before, string after)
    {
        static string[] Split(string? text) => string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return LineDiff.Compute(Split(before), Split(after));
    }
}
