namespace Vigie.Core.Formats.ModelCards;

/// <summary>A top-level object of the card (<c>model</c>, <c>training</c>, ...) and its fields, in display order.</summary>
public sealed record CardGroup(string Name, string Title, IReadOnlyList<CardField> Fields);
