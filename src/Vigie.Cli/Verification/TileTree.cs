using System.Numerics;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// The verifier's view of the tree, kept at tile granularity: a <see cref="MerkleTree"/> whose
/// leaves are the roots of the full entry bundles (so its level k is the log's level 8 + k, where
/// every hash tile above level 0 lives), plus the leaf hashes of just the bundles a wanted root
/// cuts through. Level-0 tiles are checked bundle by bundle as they arrive, so nothing below level
/// 8 is kept: a million-entry log needs a few hundred kilobytes here instead of 64 MB.
/// </summary>
internal sealed class TileTree
{
    private readonly MerkleTree bundles = new();
    private readonly Dictionary<long, MerkleTree> cutBundles = [];
    private readonly HashSet<long> wanted;

    /// <param name="sizes">The tree sizes whose roots will be asked for.</param>
    public TileTree(params long[] sizes)
    {
        // A root at a size that is not a multiple of 256 needs the leaves of the bundle it ends in.
        wanted = [.. sizes.Where(s => s % TilePath.FullWidth != 0).Select(s => s / TilePath.FullWidth)];
    }

    public long Size { get; private set; }

    /// <summary>
    /// Adds the next bundle: a full one as its whole subtree (<see cref="MerkleSubtree"/> layout,
    /// the leaves first and the root last), a partial one (the log's last) as its leaf hashes.
    /// </summary>
    public void Add(TileRef bundle, byte[] hashes)
    {
        if (bundle.Index * TilePath.FullWidth != Size)
        {
            throw new InvalidOperationException($"Bundle {bundle.Index} does not follow the {Size} entries added so far.");
        }

        if (bundle.IsFull)
        {
            bundles.Append(hashes.AsSpan(hashes.Length - MerkleHash.Size));
        }

        if (wanted.Contains(bundle.Index))
        {
            var leaves = new MerkleTree();
            if (bundle.IsFull)
            {
                leaves.AppendSubtree(hashes, bundle.Width);
            }
            else
            {
                for (var i = 0; i < bundle.Width; i++)
                {
                    leaves.Append(hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
                }
            }

            cutBundles[bundle.Index] = leaves;
        }

        Size += bundle.Width;
    }

    /// <summary>The hash tile at <paramref name="level"/> ≥ 1 (C2SP tlog-tiles), as the entries imply it.</summary>
    public byte[] HashTile(int level, long n, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        return bundles.HashTile(level - 1, n, width);
    }

    /// <summary>
    /// MTH(D[0:size]) of RFC 9162 §2.1.1: the perfect subtrees of size's binary decomposition, from
    /// the largest (leftmost) down, folded from the right. Those of 256 leaves or more are nodes of
    /// the bundle tree; the rest, together, are the root of the first size mod 256 leaves of the
    /// bundle the size ends in.
    /// </summary>
    public byte[] RootHash(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        if (size == 0)
        {
            return MerkleHash.EmptyRoot;
        }

        var full = size / TilePath.FullWidth;
        var rest = (int)(size % TilePath.FullWidth);
        var parts = new List<byte[]>();
        long start = 0;
        for (var level = 63 - BitOperations.LeadingZeroCount((ulong)Math.Max(full, 1)); level >= 0; level--)
        {
            if ((full & (1L << level)) != 0)
            {
                parts.Add(bundles.NodeHash(level, start >> level));
                start += 1L << level;
            }
        }

        if (rest > 0)
        {
            parts.Add(cutBundles.TryGetValue(full, out var leaves)
                ? leaves.RootHash(rest)
                : throw new InvalidOperationException($"The root at size {size} was not announced, so bundle {full}'s leaves were not kept."));
        }

        var root = parts[^1];
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(parts[i], root);
        }

        return root;
    }
}
