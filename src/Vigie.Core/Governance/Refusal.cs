namespace Vigie.Core.Governance;

/// <summary>A refused step, with a message that tells the person what to do instead.</summary>
public sealed record Refusal(RefusalKind Kind, string Message);
