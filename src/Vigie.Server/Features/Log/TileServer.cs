using Vigie.Core.Ledger;
using Vigie.Server.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Log;

/// <summary>
/// Produces C2SP tlog-tiles responses. Hash tiles come from the in-memory tree. Full entry bundles
/// never change: they are read from <see cref="EntryBundleFiles"/> (a verifier walking the whole log
/// reads each once, and a file read is far cheaper than 256 rows), and built from the store only
/// when no sound file exists, which is then written for next time. Partial bundles come from the store.
/// </summary>
public sealed class TileServer(Ledger.Ledger ledger, LedgerStore store, EntryBundleFiles files)
{
    /// <summary>The tile's bytes (dispose them after the response), or null when the tree is not (yet) that large.</summary>
    public async Task<TileBytes?> ReadAsync(TileRef tile, CancellationToken cancellationToken)
    {
        if (!await ledger.EnsureSizeAsync(LeavesNeeded(tile), cancellationToken))
        {
            return null;
        }

        if (tile.Kind == TileKind.Hash)
        {
            return TileBytes.Of(ledger.Tree.HashTile(tile.Level, tile.Index, tile.Width));
        }

        // A full bundle's file is named by the hash of its 256 leaves, taken from the tree.
        var subtreeRoot = tile.IsFull ? ledger.Tree.NodeHash(TilePath.Height, tile.Index) : null;
        if (subtreeRoot is not null && files.TryRead(tile.Index, subtreeRoot) is var (buffer, length))
        {
            return TileBytes.Pooled(buffer, length);
        }

        var entries = await store.ReadEnvelopesAsync(tile.Index * TilePath.FullWidth, tile.Width, cancellationToken);
        if (entries.Count != tile.Width)
        {
            return null;
        }

        var bundle = EntryBundle.Encode(entries);
        if (subtreeRoot is not null)
        {
            files.Save(tile.Index, subtreeRoot, bundle);
        }

        return TileBytes.Of(bundle);
    }

    /// <summary>How many leaves the tree must hold for this tile to exist.</summary>
    private static long LeavesNeeded(TileRef tile)
    {
        var last = (tile.Index * TilePath.FullWidth) + tile.Width; // exclusive, in units of the tile's level
        var shift = TilePath.Height * tile.Level;
        if (shift >= 62 || last > (long.MaxValue >> shift))
        {
            return long.MaxValue;
        }

        return last << shift;
    }
}
