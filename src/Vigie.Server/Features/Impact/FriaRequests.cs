using System.Text.Json;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Impact;

/// <summary>The FRIA endpoints' request bodies and their checks; each check returns a message a person can act on.</summary>
public static class FriaRequests
{
    /// <summary>A FRIA is at most 40 kB canonical; its JSON with whitespace may be larger.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    /// <summary>A new revision: the whole document as it should be, the version deployed, and the revision the writer edited (0 for a new FRIA).</summary>
    public sealed record Revise(string Version, JsonElement Document, long BaseRevision, string? Note = null, string? Visibility = null);

    /// <summary>Submitting the latest revision for review: opens a fria-approval decision.</summary>
    public sealed record Submit(string? Title = null, string? Description = null, string? Visibility = null);

    /// <summary>A deployment's name: it appears in URLs, the log and decision titles.</summary>
    public static string? CheckDeployment(string? name) =>
        name is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(name[0]) && name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '-' or '_' or '.')
            ? null
            : $"The deployment '{name}' must be 1-64 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit (e.g. lending-fr).";

    public static string? Check(Revise r) =>
        (r.BaseRevision < 0 ? "baseRevision cannot be negative." : null)
        ?? (r.Note is null ? null : TextRules.Check("note", r.Note, 1, 1000, multiline: true))
        ?? (r.Visibility is not null and not ("public" or "internal") ? "visibility must be 'public' or 'internal'." : null)
        ?? Registry.RegistryNames.CheckVersion(r.Version);

    public static string? Check(Submit r) =>
        r.Visibility is not null and not ("public" or "internal") ? "visibility must be 'public' or 'internal'." : null;
}
