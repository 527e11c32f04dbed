namespace Vigie.Core.Impact.Rights;

/// <summary>A provision and what it means for the system: why it is in its tier, or an obligation that follows.</summary>
public sealed record AiActFinding(string Article, string Text);
