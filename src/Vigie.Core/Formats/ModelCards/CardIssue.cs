namespace Vigie.Core.Formats.ModelCards;

/// <summary>A problem with one field of a card: its path (e.g. <c>training.computeFlop</c>) and what to change.</summary>
public sealed record CardIssue(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
