using Vigie.Core.Ledger;
using Vigie.Server.Features.Witnesses;
using Vigie.Server.Http;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Log;

/// <summary>
/// The log as C2SP tlog-tiles under /log/, so any tlog client can verify Vigie with nothing but
/// the key from /log/key.
/// </summary>
public static class LogTilesEndpoints
{
    public static void MapLogTiles(this IEndpointRouteBuilder app)
    {
        // With witnesses configured, the checkpoint carries their cosignatures (C2SP tlog-cosignature).
        app.MapGet("/log/checkpoint", (HttpContext context, PublishedCheckpoint published) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(published.Current.Note, "text/plain; charset=utf-8");
        });

        app.MapGet("/log/key", (CheckpointService checkpoints) =>
            Results.Text(checkpoints.Verifier.VerifierKey + "\n", "text/plain; charset=utf-8"));

        app.MapGet("/log/tile/{**path}", async (HttpContext context, string path, TileServer tiles) =>
        {
            if (path.Length > 64)
            {
                return Problems.BadRequest("The tile path is too long.", "Not a tile path");
            }

            if (!TilePath.TryParse("tile/" + path, out var tile, out var error))
            {
                return Problems.BadRequest(error ?? "Not a C2SP tile path.", "Not a tile path");
            }

            var bytes = await tiles.ReadAsync(tile, context.RequestAborted);
            if (bytes is null)
            {
                return Problems.NotFound($"The log is not large enough for tile {TilePath.Format(tile)} yet.");
            }

            context.Response.RegisterForDispose(bytes);

            // Full tiles never change (C2SP tlog-tiles); a partial tile is only ever replaced by a wider one.
            context.Response.Headers.CacheControl = tile.IsFull ? "public, max-age=31536000, immutable" : "public, max-age=60";
            return Results.Bytes(bytes.Memory, "application/octet-stream");
        });
    }
}
