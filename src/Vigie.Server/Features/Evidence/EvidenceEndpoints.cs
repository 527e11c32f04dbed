using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Features.Users;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Evidence;

/// <summary>/api/v1/evidence: notarise an artifact by digest, and find where a digest was recorded.</summary>
public static class EvidenceEndpoints
{
    public sealed record RecordEvidenceRequest(
        string Sha256,
        string Name,
        string? MediaType = null,
        long? Size = null,
        string? Subject = null,
        string? Description = null,
        string? Visibility = null);

    public static void MapEvidence(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/evidence", async (HttpContext context, Ledger.Ledger ledger, EvidenceSnapshots snapshots) =>
        {
            var (user, problem) = Caller.Require(context, Roles.Writers);
            if (problem is not null)
            {
                return problem;
            }

            var (request, bad) = await RequestJson.ReadAsync<RecordEvidenceRequest>(context.Request);
            if (bad is not null)
            {
                return bad;
            }

            if (Validate(request!, out var visibility) is { } invalid)
            {
                return Problems.BadRequest(invalid);
            }

            var body = new EvidenceEntries.RecordedBody(
                request!.Sha256.ToLowerInvariant(), request.Name, request.MediaType, request.Size, request.Subject, request.Description);
            var result = await ledger.AppendAsync(
                new LedgerWrite(EvidenceEntries.Recorded, user!.Name, visibility, BodyJson.ToElement(body)), context.RequestAborted);
            if (!result.Succeeded)
            {
                return Problems.BadRequest(result.Conflict!);
            }

            if (body.Subject is not null && RegistryNames.TryParseSubject(body.Subject, out var system, out var version))
            {
                snapshots.NotifyChanged(system, version);
            }

            var id = EvidenceIds.Format(result.Index);
            return Results.Created($"/api/v1/evidence/{id}", new
            {
                id,
                index = result.Index,
                sha256 = body.Sha256,
                name = body.Name,
                subject = body.Subject,
                visibility = VisibilityNames.Of(visibility),
                recordedAt = LedgerTime.Format(result.Time),
                recordedBy = user.Name,
            });
        });

        app.MapGet("/api/v1/evidence", async (HttpContext context, EvidenceQueries evidence, string? sha256, string? subject, int? limit) =>
        {
            if (sha256 is null && subject is null)
            {
                return Problems.BadRequest("Give sha256=<64 hex digits> or subject=<name> to search for evidence.");
            }

            if (sha256 is not null && !IsSha256(sha256))
            {
                return Problems.BadRequest("sha256 must be 64 hexadecimal digits.");
            }

            if (limit is < 1 or > 1000)
            {
                return Problems.BadRequest("limit must be between 1 and 1000.");
            }

            var rows = await evidence.FindAsync(sha256?.ToLowerInvariant(), subject, Caller.Of(context) is not null, limit ?? 100, context.RequestAborted);
            return Results.Ok(rows.Select(ToJson));
        });

        app.MapGet("/api/v1/evidence/{id}", async (HttpContext context, EvidenceQueries evidence, string id) =>
        {
            var row = EvidenceIds.TryParse(id, out var index) ? await evidence.GetAsync(index, context.RequestAborted) : null;
            if (row is null || (row.Visibility != "public" && Caller.Of(context) is null))
            {
                return Problems.NotFound($"No evidence '{id}' is visible to you{(Caller.Of(context) is null ? " (internal evidence needs a token)" : "")}.");
            }

            return Results.Ok(ToJson(row));
        });
    }

    private static object ToJson(EvidenceQueries.EvidenceRow e) => new
    {
        id = e.Id,
        index = e.LogIndex,
        sha256 = e.Sha256,
        name = e.Name,
        mediaType = e.MediaType,
        size = e.SizeBytes,
        subject = e.Subject,
        description = e.Description,
        visibility = e.Visibility,
        recordedAt = e.RecordedAt,
        recordedBy = e.RecordedBy,
    };

    private static string? Validate(RecordEvidenceRequest r, out Visibility visibility)
    {
        visibility = Visibility.Internal;
        if (!IsSha256(r.Sha256)) return "sha256 must be the artifact's SHA-256 as 64 hexadecimal digits.";
        if (TextRules.Check("name", r.Name, 1, 200) is { } n) return n;
        if (r.MediaType is not null && TextRules.Check("mediaType", r.MediaType, 1, 100) is { } m) return m;
        if (r.Size is < 0) return "size cannot be negative.";
        if (r.Subject is not null && TextRules.Check("subject", r.Subject, 1, 200) is { } s) return s;
        if (r.Description is not null && TextRules.Check("description", r.Description, 0, 4000, multiline: true) is { } d) return d;
        if (r.Visibility is not null)
        {
            if (!VisibilityNames.TryParse(r.Visibility, out visibility) || visibility == Visibility.Confidential)
            {
                return "visibility must be 'public' or 'internal'.";
            }
        }

        return null;
    }

    private static bool IsSha256(string value) =>
        value.Length == 64 && value.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF") < 0;
}
