using Vigie.Cli.Verification;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Cli.Tests;

/// <summary>
/// The verifier's tile-granular tree must give exactly the roots and hash tiles of a full
/// <see cref="MerkleTree"/> (itself checked against Go's tlog vectors in the core suite).
/// </summary>
public sealed class TileTreeTests
{
    private static byte[] Leaf(long i) => MerkleHash.Leaf(BitConverter.GetBytes(i));

    /// <summary>Feeds a TileTree the way the verifier does: full bundles as hashed subtrees, the last partial one as leaves.</summary>
    private static (TileTree Tiles, MerkleTree Reference) Build(long size, params long[] rootsWanted)
    {
        var tiles = new TileTree([size, .. rootsWanted]);
        var reference = new MerkleTree();
        foreach (var bundle in TilePath.EntryBundlesForSize(size))
        {
            var hashes = new byte[(bundle.IsFull ? MerkleSubtree.HashCount(bundle.Width) : bundle.Width) * MerkleHash.Size];
            for (var i = 0; i < bundle.Width; i++)
            {
                var leaf = Leaf((bundle.Index * TilePath.FullWidth) + i);
                leaf.CopyTo(hashes, i * MerkleHash.Size);
                reference.Append(leaf);
            }

            if (bundle.IsFull)
            {
                MerkleSubtree.Compute(hashes, bundle.Width);
            }

            tiles.Add(bundle, hashes);
        }

        return (tiles, reference);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(512)]
    [InlineData(1100)]
    [InlineData(65_536)]
    [InlineData(65_536 + 256 + 3)]
    public void RootAndEveryHigherTile_MatchTheFullTree(long size)
    {
        var (tiles, reference) = Build(size);
        Assert.Equal(size, tiles.Size);
        Assert.Equal(reference.RootHash(size), tiles.RootHash(size));
        foreach (var tile in TilePath.TilesForSize(size).Where(t => t.Level > 0))
        {
            Assert.Equal(reference.HashTile(tile.Level, tile.Index, tile.Width), tiles.HashTile(tile.Level, tile.Index, tile.Width));
        }
    }

    [Theory]
    [InlineData(1100, 1)]
    [InlineData(1100, 256)]
    [InlineData(1100, 300)]
    [InlineData(1100, 1024)]
    [InlineData(1100, 1099)]
    [InlineData(1100, 1100)]
    [InlineData(70_000, 65_537)]
    public void RootAtAnAnnouncedEarlierSize_MatchesTheFullTree(long size, long earlier)
    {
        var (tiles, reference) = Build(size, earlier);
        Assert.Equal(reference.RootHash(earlier), tiles.RootHash(earlier));
    }

    [Fact]
    public void RootAtAnUnannouncedSizeInsideABundle_IsRefusedNotGuessed()
    {
        var (tiles, _) = Build(1100);
        Assert.Throws<InvalidOperationException>(() => tiles.RootHash(300));
        Assert.Equal(Build(1100).Reference.RootHash(512), tiles.RootHash(512)); // a bundle boundary needs no leaves
    }

    [Fact]
    public void BundlesOutOfOrder_AreRefused()
    {
        var tiles = new TileTree(600);
        var hashes = new byte[MerkleSubtree.HashCount(256) * MerkleHash.Size];
        Assert.Throws<InvalidOperationException>(() => tiles.Add(new TileRef(TileKind.Entries, 0, 1, 256), hashes));
    }
}
