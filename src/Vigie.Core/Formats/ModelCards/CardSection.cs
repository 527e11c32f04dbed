namespace Vigie.Core.Formats.ModelCards;

/// <summary>One prose section: a Markdown heading (level 1-6; 0 for text before the first heading) and the text under it.</summary>
public sealed record CardSection(string Heading, int Level, string Text);
