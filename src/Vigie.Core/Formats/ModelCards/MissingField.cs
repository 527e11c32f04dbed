namespace Vigie.Core.Formats.ModelCards;

/// <summary>A required field the card does not fill in.</summary>
public sealed record MissingField(string Path, string Label, string Citation);
