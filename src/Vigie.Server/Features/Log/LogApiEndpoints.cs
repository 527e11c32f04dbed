using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Users;
using Vigie.Server.Features.Witnesses;
using Vigie.Server.Http;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Log;

/// <summary>/api/v1/log: entries, checkpoint and RFC 9162 proofs as JSON (hashes base64).</summary>
public static class LogApiEndpoints
{
    public static void MapLogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/log");

        group.MapGet("/checkpoint", (CheckpointService checkpoints, PublishedCheckpoint published) =>
        {
            var current = published.Current;
            var latest = current.Checkpoint;
            return Results.Ok(new
            {
                origin = checkpoints.Origin,
                size = latest.Size,
                rootHash = Convert.ToBase64String(latest.RootHash),
                note = current.Note,
                verifierKey = checkpoints.Verifier.VerifierKey,
                cosignatures = current.Cosignatures.Select(c => new { witness = c.Name, keyId = c.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), time = LedgerTime.Format(c.Time) }),
            });
        });

        group.MapGet("/entries/{index}", async (HttpContext context, string index, Ledger.Ledger ledger, LedgerStore store) =>
        {
            if (QueryNumbers.TryParse(index, "index", out var i) is { } bad)
            {
                return bad;
            }

            await ledger.EnsureSizeAsync(i + 1, context.RequestAborted);
            var size = ledger.Tree.Size;
            if (i >= size)
            {
                return Problems.NotFound($"The log has {size} entries (0 to {size - 1}); there is no entry {i}.");
            }

            var bytes = await store.ReadEnvelopeAsync(i, context.RequestAborted);
            if (bytes is null || !Envelope.TryParse(bytes, out var envelope, out _))
            {
                return Problems.NotFound($"Entry {i} could not be read.");
            }

            var caller = Caller.Of(context);
            if (envelope!.Visibility != Visibility.Public && !MayRead(caller, envelope.Visibility))
            {
                return caller is null
                    ? Problems.Unauthorized($"Entry {i} is {VisibilityNames.Of(envelope.Visibility)}; reading it needs an API token.")
                    : Problems.Forbidden($"Entry {i} is confidential; only admins and auditors read confidential entries.");
            }

            object? revealed = null;
            if (envelope.Visibility != Visibility.Public)
            {
                await using var c = await store.Database.OpenAsync(context.RequestAborted);
                var sealedRow = await store.ReadSealedAsync(c, null, i);
                revealed = sealedRow is null
                    ? new { erased = true }
                    : new
                    {
                        body = JsonDocument.Parse(sealedRow.Body).RootElement,
                        salt = Convert.ToBase64String(sealedRow.Salt),
                    };
            }

            return Results.Ok(new
            {
                index = i,
                leafHash = Convert.ToBase64String(ledger.Tree.LeafHash(i)),
                envelope = JsonDocument.Parse(bytes).RootElement,
                envelopeBase64 = Convert.ToBase64String(bytes),
                sealedBody = revealed,
            });
        });

        group.MapGet("/proofs/inclusion", async (HttpContext context, Ledger.Ledger ledger, CheckpointService checkpoints, string? index, string? size) =>
        {
            if (QueryNumbers.TryParse(index, "index", out var i) is { } badIndex)
            {
                return badIndex;
            }

            if (QueryNumbers.TryParse(size, "size", out var n, checkpoints.Latest.Size) is { } badSize)
            {
                return badSize;
            }

            await ledger.EnsureSizeAsync(n, context.RequestAborted);
            var treeSize = ledger.Tree.Size;
            if (n > treeSize)
            {
                return Problems.BadRequest($"size {n} is larger than the log ({treeSize} entries).");
            }

            if (i >= n)
            {
                return Problems.BadRequest($"index {i} is not in a tree of size {n}: it must be below the size.");
            }

            return Results.Ok(new
            {
                index = i,
                size = n,
                leafHash = Convert.ToBase64String(ledger.Tree.LeafHash(i)),
                hashes = ledger.Tree.InclusionProof(i, n).Select(Convert.ToBase64String),
                rootHash = Convert.ToBase64String(ledger.Tree.RootHash(n)),
            });
        });

        group.MapGet("/proofs/consistency", async (HttpContext context, Ledger.Ledger ledger, CheckpointService checkpoints, string? from, string? to) =>
        {
            if (QueryNumbers.TryParse(from, "from", out var a) is { } badFrom)
            {
                return badFrom;
            }

            if (QueryNumbers.TryParse(to, "to", out var b, checkpoints.Latest.Size) is { } badTo)
            {
                return badTo;
            }

            await ledger.EnsureSizeAsync(b, context.RequestAborted);
            var treeSize = ledger.Tree.Size;
            if (b > treeSize)
            {
                return Problems.BadRequest($"to {b} is larger than the log ({treeSize} entries).");
            }

            if (a < 1 || a > b)
            {
                return Problems.BadRequest($"from must be between 1 and to ({b}); got {a}.");
            }

            return Results.Ok(new
            {
                from = a,
                to = b,
                hashes = ledger.Tree.ConsistencyProof(a, b).Select(Convert.ToBase64String),
                fromRootHash = Convert.ToBase64String(ledger.Tree.RootHash(a)),
                toRootHash = Convert.ToBase64String(ledger.Tree.RootHash(b)),
            });
        });
    }

    private static bool MayRead(CurrentUser? caller, Visibility visibility) => visibility switch
    {
        Visibility.Public => true,
        Visibility.Internal => caller is not null,
        _ => caller is not null && caller.HasAnyRole([Roles.Admin, Roles.Auditor]),
    };
}
