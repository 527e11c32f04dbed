using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>The request bodies of the policy endpoints, and their field checks.</summary>
public static class PolicyRequests
{
    /// <summary>
    /// Largest request body: a policy is at most 48 KiB of text (PolicyReader.MaxBytes), which JSON
    /// escaping can grow; anything larger is refused before it is read.
    /// </summary>
    public const int MaxBodyBytes = 160 * 1024;

    public sealed record Apply(string Text, string? Title = null, string? Description = null);

    public sealed record Check(string Text);

    public static string? Validate(Apply r) =>
        (r.Title is not null ? TextRules.Check("title", r.Title, 1, 200) : null)
        ?? (r.Description is not null ? TextRules.Check("description", r.Description, 0, 4000, multiline: true) : null);
}
