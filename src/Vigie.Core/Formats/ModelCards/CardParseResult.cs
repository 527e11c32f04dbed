namespace Vigie.Core.Formats.ModelCards;

/// <summary>A card, or every reason the JSON given is not one.</summary>
public sealed record CardParseResult(ModelCard? Card, IReadOnlyList<CardIssue> Issues)
{
    public bool Succeeded => Card is not null;
}
