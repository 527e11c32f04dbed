using System.Security.Cryptography;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// The work for one entry bundle and its level-0 hash tile, done off the ordering thread: find the
/// entries, check every one strictly, hash it as an RFC 9162 leaf, compare with the served tile,
/// and for a full bundle hash its whole 256-leaf subtree, so the tree only has to copy it.
/// </summary>
internal static class BundleCheck
{
    /// <summary>
    /// <see cref="Hashes"/>: for a full bundle its subtree (<see cref="MerkleSubtree"/> layout),
    /// otherwise its leaf hashes; or the first problem by entry index.
    /// </summary>
    public readonly record struct Result(byte[] Hashes, string? Problem);

    /// <summary>The largest entry bundle there can be: 256 entries of the largest size, each with its length.</summary>
    public const int MaxBundleBytes = TilePath.FullWidth * (EntryBundle.MaxEntrySize + 2);

    public static Result Run(TileRef bundle, ReadOnlySpan<byte> bundleBytes, ReadOnlySpan<byte> tileBytes)
    {
        var first = bundle.Index * TilePath.FullWidth;
        Span<Range> entries = stackalloc Range[TilePath.FullWidth];
        if (!EntryBundle.TryDecode(bundleBytes, entries, out var count, out var error))
        {
            return Fail($"Entry bundle {TilePath.Format(bundle)} (entries {first}..{first + bundle.Width - 1}) cannot be decoded: {error}");
        }

        if (count != bundle.Width)
        {
            return Fail($"Entry bundle {TilePath.Format(bundle)} holds {count} entries; the checkpoint needs exactly {bundle.Width}.");
        }

        var hashes = new byte[(bundle.IsFull ? MerkleSubtree.HashCount(count) : count) * MerkleHash.Size];
        for (var i = 0; i < count; i++)
        {
            var entry = bundleBytes[entries[i]];
            if (!Envelope.IsValidEntry(entry, out var parseError))
            {
                return Fail($"Entry {first + i} does not parse as a Vigie entry: {parseError}.");
            }

            var leaf = hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size);
            MerkleHash.Leaf(entry, leaf);
            if (tileBytes.Length >= (i + 1) * MerkleHash.Size
                && !CryptographicOperations.FixedTimeEquals(leaf, tileBytes.Slice(i * MerkleHash.Size, MerkleHash.Size)))
            {
                return Fail($"Entry {first + i}: its leaf hash disagrees with hash tile {HashTileName(bundle)}; the entry or the tile was altered.");
            }
        }

        if (tileBytes.Length != count * MerkleHash.Size)
        {
            return Fail($"Hash tile {HashTileName(bundle)} is {tileBytes.Length} bytes; it should hold {count} hashes ({count * MerkleHash.Size} bytes).");
        }

        if (bundle.IsFull)
        {
            MerkleSubtree.Compute(hashes, count);
        }

        return new Result(hashes, null);
    }

    /// <summary>A download longer than any bundle or tile can be: not read further, and named.</summary>
    public static Result TooLarge(TileRef tile, long bytes) =>
        Fail($"{(tile.Kind == TileKind.Entries ? "Entry bundle" : "Hash tile")} {TilePath.Format(tile)} is {bytes} bytes, more than any can be ({MaxBundleBytes}).");

    private static string HashTileName(TileRef bundle) => TilePath.Format(bundle with { Kind = TileKind.Hash });

    private static Result Fail(string problem) => new([], problem);
}
