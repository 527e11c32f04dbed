using Vigie.Core.Policies;

namespace Vigie.Server.Features.Gate;

/// <summary>/api/v1/schemas/dossier.json: the published release dossier schema (public: rules are written against it).</summary>
public static class SchemaEndpoints
{
    private static readonly byte[] Schema = DossierSchema.Utf8;

    public static void MapSchemas(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/schemas/dossier.json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Schema, DossierSchema.MediaType);
        });
}
