using System.Security.Cryptography;
using Vigie.Cli.Config;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// Verifies the whole log behind a verified checkpoint from C2SP tlog-tiles alone: every entry
/// bundle is decoded and every entry checked strictly, its leaves hashed and compared with the
/// level-0 tile and its subtree hashed (<see cref="BundleCheck"/>, several bundles at once), every
/// higher hash tile compared with the one the entries imply (<see cref="TileTree"/>), and the
/// recomputed root compared with the checkpoint's. The last checkpoint seen must be a prefix of the new tree (no rollback, no fork).
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

        var tree = new TileTree(checkpoint.Size, previous?.Size ?? 0);
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

                tree.Add(bundle, result.Hashes);
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
