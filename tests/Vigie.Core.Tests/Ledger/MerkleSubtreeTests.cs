using System.Security.Cryptography;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

/// <summary>
/// MerkleTree.AppendSubtree, the verifier's way of adding a tile of entries hashed on another
/// thread, must give the very tree that appending the leaves one by one gives: checked against
/// Go's tlog roots and tiles, and against Append for every root, proof and tile.
/// </summary>
public sealed class MerkleSubtreeTests
{
    /// <summary>The 1100 vector leaves, whole bundles of 256 as subtrees, the rest one by one.</summary>
    private static MerkleTree BuiltFromBundles(long size, int width = 256)
    {
        var tree = new MerkleTree();
        while (tree.Size + width <= size)
        {
            var hashes = new byte[MerkleSubtree.HashCount(width) * MerkleHash.Size];
            for (var i = 0; i < width; i++)
            {
                MerkleHash.Leaf(TlogVectors.LeafEntry(tree.Size + i), hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }

            MerkleSubtree.Compute(hashes, width);
            tree.AppendSubtree(hashes, width);
        }

        while (tree.Size < size)
        {
            tree.Append(MerkleHash.Leaf(TlogVectors.LeafEntry(tree.Size)));
        }

        return tree;
    }

    [Fact]
    public void TreeBuiltFromSubtrees_HasGosRoots_AtEverySize()
    {
        var tree = BuiltFromBundles(TlogVectors.TreeSize);
        foreach (var (size, root) in TlogVectors.Roots())
        {
            Assert.Equal(root, tree.RootHash(size));
        }
    }

    [Fact]
    public void TreeBuiltFromSubtrees_HasGosTiles()
    {
        var tree = BuiltFromBundles(TlogVectors.TreeSize);
        foreach (var t in TlogVectors.Merkle.GetProperty("tilesFor1100Leaves").GetProperty("tiles").EnumerateArray())
        {
            Assert.True(TilePath.TryParse(t.GetProperty("path").GetString()!, out var tile, out _));
            var bytes = tree.HashTile(tile.Level, tile.Index, tile.Width);
            Assert.Equal(t.GetProperty("sha256OfTileBytes").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void SubtreesOfAnyWidth_GiveTheSameProofsAsAppend(int width)
    {
        const int size = 700;
        var subtrees = BuiltFromBundles(size, width);
        var reference = TlogVectors.BuildTree(size);
        for (long n = 1; n <= size; n += 37)
        {
            Assert.Equal(reference.RootHash(n), subtrees.RootHash(n));
            Assert.Equal(reference.InclusionProof(n / 2, n), subtrees.InclusionProof(n / 2, n));
            Assert.Equal(reference.ConsistencyProof(1 + (n / 3), n), subtrees.ConsistencyProof(1 + (n / 3), n));
        }

        Assert.Equal(reference.HashTile(0, 2, 188), subtrees.HashTile(0, 2, 188));
        Assert.Equal(reference.HashTile(1, 0, 2), subtrees.HashTile(1, 0, 2));
    }

    [Fact]
    public void AppendSubtree_RefusesMisalignedOrMisshapenSubtrees()
    {
        var tree = new MerkleTree();
        tree.Append(MerkleHash.Leaf([1]));
        var four = new byte[MerkleSubtree.HashCount(4) * MerkleHash.Size];
        Assert.Throws<InvalidOperationException>(() => tree.AppendSubtree(four, 4)); // size 1 is not a multiple of 4
        Assert.Throws<ArgumentException>(() => tree.AppendSubtree(four, 3)); // not a power of two
        Assert.Throws<ArgumentException>(() => tree.AppendSubtree(four.AsSpan(32), 4)); // wrong hash count
        Assert.Throws<ArgumentException>(() => MerkleSubtree.Compute(new byte[5 * MerkleHash.Size], 3));
        Assert.Equal(1, tree.Size);
    }
}
