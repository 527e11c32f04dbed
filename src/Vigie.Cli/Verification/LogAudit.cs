using System.Security.Cryptography;
using Vigie.Cli.Config;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// Verifies the whole log behind a verified checkpoint from C2SP tlog-tiles alone: every entry
/// bundle is decoded and parsed, its leaves hashed into a fresh <see cref="MerkleTree"/>, every
/// hash tile compared with the recomputed one, and the recomputed root compared with the
/// checkpoint's. The last checkpoint seen must be a prefix of the new tree (no rollback, no fork).
/// </summary>
internal sealed class LogAudit(CommandContext context, int inFlight = 8)
{
    public async Task<AuditOutcome> RunAsync(VerifiedCheckpoint latest, SavedCheckpoint? previous, Action<long>? progress, CancellationToken cancellationToken)
    {
        var checkpoint = latest.Checkpoint;
        if (previous is not null && previous.Size > checkpoint.Size)
        {
            return Invalid($"Rollback: the log now shows {latest.Describe()}, smaller than checkpoint {previous.Size} (root {previous.RootHash}) seen before. A log never shrinks.");
        }

        var tree = new MerkleTree();
        string? problem = null;
        long tiles = 0;
        await OrderedWindow.RunAsync(
            TilePath.EntryBundlesForSize(checkpoint.Size),
            inFlight,
            async (bundle, ct) =>
            {
                var bundleDownload = context.Api.GetPooledBytesAsync("log/" + TilePath.Format(bundle), BundleCheck.MaxBundleBytes, ct);
                var tileDownload = context.Api.GetPooledBytesAsync("log/" + TilePath.Format(bundle with { Kind = TileKind.Hash }), BundleCheck.MaxBundleBytes, ct);
                using var bundleBytes = await bundleDownload;
                using var tileBytes = await tileDownload;
                return bundleBytes.IsTooLarge ? BundleCheck.TooLarge(bundle, bundleBytes.DeclaredLength)
                    : tileBytes.IsTooLarge ? BundleCheck.TooLarge(bundle with { Kind = TileKind.Hash }, tileBytes.DeclaredLength)
                    : BundleCheck.Run(bundle, bundleBytes.Span, tileBytes.Span);
            },
            (bundle, result) =>
            {
                if (result.Problem is not null)
                {
                    problem = result.Problem;
                    return false;
                }

                // A full bundle arrives with its whole subtree hashed; a partial one (the log's
                // last) as leaf hashes.
                if (bundle.IsFull)
                {
                    tree.AppendSubtree(result.Hashes, TilePath.FullWidth);
                }
                else
                {
                    for (var offset = 0; offset < result.Hashes.Length; offset += MerkleHash.Size)
                    {
                        tree.Append(result.Hashes.AsSpan(offset, MerkleHash.Size));
                    }
                }

                tiles += 2;
                progress?.Invoke(tree.Size);
                return true;
            },
            cancellationToken);
        if (problem is not null)
        {
            return Invalid(problem, tree.Size, tiles);
        }

        // Levels above 0: each tile must be exactly the hashes the entries imply.
        await OrderedWindow.RunAsync(
            TilePath.TilesForSize(checkpoint.Size).Where(t => t.Level > 0),
            inFlight,
            (tile, ct) => context.Api.GetBytesAsync("log/" + TilePath.Format(tile), ct),
            (tile, bytes) =>
            {
                tiles++;
                var expected = tree.HashTile(tile.Level, tile.Index, tile.Width);
                if (!bytes.AsSpan().SequenceEqual(expected))
                {
                    problem = $"Hash tile {TilePath.Format(tile)} disagrees with the hashes recomputed from the entries.";
                    return false;
                }

                return true;
            },
            cancellationToken);
        if (problem is not null)
        {
            return Invalid(problem, tree.Size, tiles);
        }

        var root = tree.RootHash(checkpoint.Size);
        if (!CryptographicOperations.FixedTimeEquals(root, checkpoint.RootHash))
        {
            return Invalid($"The root recomputed from the {checkpoint.Size} entries ({Convert.ToBase64String(root)}) is not the root of the signed {latest.Describe()}.", tree.Size, tiles);
        }

        if (previous is not null)
        {
            var oldRoot = tree.RootHash(previous.Size);
            if (Convert.ToBase64String(oldRoot) != previous.RootHash)
            {
                return Invalid(
                    $"Fork: checkpoint {previous.Size} (root {previous.RootHash}) seen before is not a prefix of the new {latest.Describe()}, " +
                    $"whose first {previous.Size} entries have root {Convert.ToBase64String(oldRoot)}. The log was rewritten.", tree.Size, tiles);
            }
        }

        return new AuditOutcome(true, null, tree.Size, tiles);
    }

    private static AuditOutcome Invalid(string problem, long entries = 0, long tiles = 0) => new(false, problem, entries, tiles);
}
