using System.Collections.Concurrent;
using Vigie.Core.Ledger;
using Vigie.Server.Storage;

namespace Vigie.Server.Features.Log;

/// <summary>
/// Produces C2SP tlog-tiles responses. Hash tiles come from the in-memory tree; entry bundles
/// from the store. Full entry bundles never change, so the most recent ones are kept in memory
/// (a verifier walking the whole log reads each once; a bounded cache keeps memory flat).
/// </summary>
public sealed class TileServer(Ledger.Ledger ledger, LedgerStore store)
{
    private const int MaxCachedBundles = 2048;
    private readonly ConcurrentDictionary<long, byte[]> _bundles = new();
    private readonly ConcurrentQueue<long> _order = new();

    /// <summary>The tile's bytes, or null when the tree is not (yet) that large.</summary>
    public async Task<byte[]?> ReadAsync(TileRef tile, CancellationToken cancellationToken)
    {
        if (!await ledger.EnsureSizeAsync(LeavesNeeded(tile), cancellationToken))
        {
            return null;
        }

        if (tile.Kind == TileKind.Hash)
        {
            return ledger.Tree.HashTile(tile.Level, tile.Index, tile.Width);
        }

        if (tile.IsFull && _bundles.TryGetValue(tile.Index, out var cached))
        {
            return cached;
        }

        var entries = await store.ReadEnvelopesAsync(tile.Index * TilePath.FullWidth, tile.Width, cancellationToken);
        if (entries.Count != tile.Width)
        {
            return null;
        }

        var bundle = EntryBundle.Encode(entries);
        if (tile.IsFull && _bundles.TryAdd(tile.Index, bundle))
        {
            _order.Enqueue(tile.Index);
            while (_bundles.Count > MaxCachedBundles && _order.TryDequeue(out var old))
            {
                _bundles.TryRemove(old, out _);
            }
        }

        return bundle;
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
