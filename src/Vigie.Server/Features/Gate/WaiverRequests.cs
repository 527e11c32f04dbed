using Vigie.Server.Features.Registry;
using Vigie.Server.Http;

namespace Vigie.Server.Features.Gate;

/// <summary>The request body of POST /api/v1/waivers and its field checks.</summary>
public static class WaiverRequests
{
    public sealed record Request(
        string System, string Version, string Action, string RuleId, string Reason, string ExpiresAt,
        string? Title = null, string? Description = null, string? Visibility = null);

    public static string? Check(Request r) =>
        RegistryNames.CheckSystem(r.System)
        ?? RegistryNames.CheckVersion(r.Version)
        ?? (r.Title is not null ? TextRules.Check("title", r.Title, 1, 200) : null)
        ?? (r.Description is not null ? TextRules.Check("description", r.Description, 0, 4000, multiline: true) : null)
        ?? (r.Visibility is not null and not ("public" or "internal") ? "visibility must be 'public' or 'internal'." : null);
}
