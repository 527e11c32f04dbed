using System.Security.Cryptography;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// The work for one entry bundle and its level-0 hash tile, done off the ordering thread: decode,
/// parse every entry strictly, hash it as an RFC 9162 leaf, and compare with the served tile.
/// </summary>
internal static class BundleCheck
{
    /// <summary>The bundle's leaf hashes (width × 32 bytes), or the first problem by entry index.</summary>
    public readonly record struct Result(byte[] LeafHashes, string? Problem);

    public static Result Run(TileRef bundle, byte[] bundleBytes, byte[] tileBytes)
    {
        var first = bundle.Index * TilePath.FullWidth;
        var tileName = TilePath.Format(bundle with { Kind = TileKind.Hash });
        if (!EntryBundle.TryDecode(bundleBytes, out var entries, out var error))
        {
            return Fail($"Entry bundle {TilePath.Format(bundle)} (entries {first}..{first + bundle.Width - 1}) cannot be decoded: {error}");
        }

        if (entries.Count != bundle.Width)
        {
            return Fail($"Entry bundle {TilePath.Format(bundle)} holds {entries.Count} entries; the checkpoint needs exactly {bundle.Width}.");
        }

        var leaves = new byte[bundle.Width * MerkleHash.Size];
        for (var i = 0; i < entries.Count; i++)
        {
            var index = first + i;
            if (!Envelope.IsValidEntry(entries[i], out var parseError))
            {
                return Fail($"Entry {index} does not parse as a Vigie entry: {parseError}.");
            }

            var leaf = leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size);
            MerkleHash.Leaf(entries[i], leaf);
            if (tileBytes.Length >= (i + 1) * MerkleHash.Size
                && !CryptographicOperations.FixedTimeEquals(leaf, tileBytes.AsSpan(i * MerkleHash.Size, MerkleHash.Size)))
            {
                return Fail($"Entry {index}: its leaf hash disagrees with hash tile {tileName}; the entry or the tile was altered.");
            }
        }

        if (tileBytes.Length != bundle.Width * MerkleHash.Size)
        {
            return Fail($"Hash tile {tileName} is {tileBytes.Length} bytes; it should hold {bundle.Width} hashes ({bundle.Width * MerkleHash.Size} bytes).");
        }

        return new Result(leaves, null);
    }

    private static Result Fail(string problem) => new([], problem);
}
