using System.Security.Cryptography;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

public sealed class TileTests
{
    [Fact]
    public void IndexPath_MatchesGoVector()
    {
        var cases = TlogVectors.Merkle.GetProperty("tileIndexPaths").EnumerateArray().ToList();
        Assert.Equal(5, cases.Count);
        foreach (var c in cases)
        {
            var n = long.Parse(c[0].GetString()!);
            var expected = c[1].GetString()!;
            Assert.Equal(expected, TilePath.Format(new TileRef(TileKind.Hash, 0, n, 256)));
            Assert.Equal(expected["tile/0/".Length..], TilePath.IndexPath(n));
        }

        Assert.Equal("005", TilePath.IndexPath(5));
        Assert.Equal("x001/x234/067", TilePath.IndexPath(1234067));
        Assert.Equal("x001/x000/000", TilePath.IndexPath(1_000_000));
    }

    [Fact]
    public void Format_WritesFullPartialAndEntryTiles()
    {
        Assert.Equal("tile/0/x001/234", TilePath.Format(new TileRef(TileKind.Hash, 0, 1234, 256)));
        Assert.Equal("tile/2/000.p/5", TilePath.Format(new TileRef(TileKind.Hash, 2, 0, 5)));
        Assert.Equal("tile/entries/001.p/17", TilePath.Format(new TileRef(TileKind.Entries, 0, 1, 17)));
        Assert.Equal("tile/63/000", TilePath.Format(new TileRef(TileKind.Hash, 63, 0, 256)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(new TileRef(TileKind.Hash, 0, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(new TileRef(TileKind.Hash, 0, 0, 257)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(new TileRef(TileKind.Hash, 64, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(new TileRef(TileKind.Entries, 1, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(new TileRef(TileKind.Hash, 0, -1, 1)));
    }

    [Fact]
    public void HashTile_MatchesGoTileDigest_ForEveryTileOf1100Leaves()
    {
        var tiles = TlogVectors.Merkle.GetProperty("tilesFor1100Leaves").GetProperty("tiles").EnumerateArray().ToList();
        Assert.Equal(84, tiles.Count);
        foreach (var t in tiles)
        {
            var path = t.GetProperty("path").GetString()!;
            Assert.True(TilePath.TryParse(path, out var tile, out var error), error);
            Assert.Equal(TileKind.Hash, tile.Kind);
            var bytes = TlogVectors.Tree.HashTile(tile.Level, tile.Index, tile.Width);
            Assert.Equal(t.GetProperty("bytes").GetInt32(), bytes.Length);
            Assert.Equal(t.GetProperty("sha256OfTileBytes").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public void HashTile_AtLevel1_HoldsRootsOfFullLevel0Tiles()
    {
        var tree = TlogVectors.Tree;
        var level1 = tree.HashTile(1, 0, 4);
        for (var i = 0; i < 4; i++)
        {
            var level0 = tree.HashTile(0, i, 256);
            Assert.Equal(MerkleTree.FromLeafHashes(level0.Chunk(32)).RootHash(), level1[(i * 32)..((i + 1) * 32)]);
        }
    }

    [Fact]
    public void HashTile_Throws_ForHashesTheTreeDoesNotHave()
    {
        var tree = TlogVectors.Tree;
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(0, 4, 77));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(0, 4, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(1, 0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(2, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(0, 0, 257));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(64, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.HashTile(0, long.MaxValue, 1));
    }

    [Fact]
    public void TilesForSize_1100_ListsFourFullTilesAndTwoPartialOnes()
    {
        var tiles = TilePath.TilesForSize(1100).Select(TilePath.Format).ToList();
        Assert.Equal(["tile/0/000", "tile/0/001", "tile/0/002", "tile/0/003", "tile/0/004.p/76", "tile/1/000.p/4"], tiles);

        // Every listed tile can be served, and together they carry every leaf hash exactly once.
        var level0 = TilePath.TilesForSize(1100).Where(t => t.Level == 0).Sum(t => t.Width);
        Assert.Equal(1100, level0);
        foreach (var tile in TilePath.TilesForSize(1100))
        {
            Assert.Equal(tile.Width * 32, TlogVectors.Tree.HashTile(tile.Level, tile.Index, tile.Width).Length);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(256, 2)]          // a full level-0 tile and a level-1 partial tile of width 1 (tlog-tiles)
    [InlineData(70_000, 277)]     // tlog-tiles example: 273 full + 1 partial, 1 full + 1 partial, 1 partial
    [InlineData(65_536, 258)]
    public void TilesForSize_MatchesSpecExamples(long size, int count)
    {
        var tiles = TilePath.TilesForSize(size).ToList();
        Assert.Equal(count, tiles.Count);
        for (var level = 0; level < 8; level++)
        {
            var hashes = size >> (8 * level);
            Assert.Equal(hashes, tiles.Where(t => t.Level == level).Sum(t => (long)t.Width));
            Assert.True(tiles.Where(t => t.Level == level).Count(t => !t.IsFull) <= 1);
        }
    }

    [Fact]
    public void EntryBundlesForSize_CoversEveryEntryOnce()
    {
        var bundles = TilePath.EntryBundlesForSize(1100).Select(TilePath.Format).ToList();
        Assert.Equal(["tile/entries/000", "tile/entries/001", "tile/entries/002", "tile/entries/003", "tile/entries/004.p/76"], bundles);
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.TilesForSize(-1));
    }

    [Fact]
    public void TryParse_RoundTripsFormat_ForManyTiles()
    {
        var random = new Random(1234);
        var indexes = new List<long> { 0, 1, 5, 999, 1000, 1001, 999_999, 1_000_000, 1234067, TilePath.MaxIndex };
        for (var i = 0; i < 500; i++)
        {
            indexes.Add(random.NextInt64(0, TilePath.MaxIndex) >> random.Next(0, 55));
        }

        foreach (var index in indexes)
        {
            foreach (var tile in new[]
            {
                new TileRef(TileKind.Hash, random.Next(0, 64), index, 256),
                new TileRef(TileKind.Hash, random.Next(0, 64), index, random.Next(1, 256)),
                new TileRef(TileKind.Entries, 0, index, 256),
                new TileRef(TileKind.Entries, 0, index, random.Next(1, 256)),
            })
            {
                var path = TilePath.Format(tile);
                Assert.True(TilePath.TryParse(path, out var parsed, out var error), $"{path}: {error}");
                Assert.Null(error);
                Assert.Equal(tile, parsed);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("tile")]
    [InlineData("tile/")]
    [InlineData("/tile/0/000")]
    [InlineData("tiles/0/000")]
    [InlineData("tile/0")]
    [InlineData("tile/0/")]
    [InlineData("tile/64/000")]
    [InlineData("tile/00/000")]
    [InlineData("tile/01/000")]
    [InlineData("tile/-1/000")]
    [InlineData("tile/+1/000")]
    [InlineData("tile/ 1/000")]
    [InlineData("tile/1000000000000/000")]
    [InlineData("tile/a/000")]
    [InlineData("tile/0/0")]
    [InlineData("tile/0/00")]
    [InlineData("tile/0/0000")]
    [InlineData("tile/0/5")]
    [InlineData("tile/0/x005")]
    [InlineData("tile/0/001/234")]
    [InlineData("tile/0/x001/x234")]
    [InlineData("tile/0/X001/234")]
    [InlineData("tile/0/xx01/234")]
    [InlineData("tile/0/x000/005")]
    [InlineData("tile/0/x01/234")]
    [InlineData("tile/0/000/")]
    [InlineData("tile/0/000.p/5/")]
    [InlineData("tile/0/000.p/0")]
    [InlineData("tile/0/000.p/256")]
    [InlineData("tile/0/000.p/255x")]
    [InlineData("tile/0/000.p/05")]
    [InlineData("tile/0/000.p/")]
    [InlineData("tile/0/000.p/-1")]
    [InlineData("tile/0/000.p")]
    [InlineData("tile/0/000.P/5")]
    [InlineData("tile/0/000.p/5.p/5")]
    [InlineData("tile/0//000")]
    [InlineData("tile/0/0a0")]
    [InlineData("tile/0/٠٠٠")]
    [InlineData("tile/0/x036/x028/x797/x018/x963/968")]
    [InlineData("tile/0/x999/x999/x999/x999/x999/x999/999")]
    [InlineData("tile/entries")]
    [InlineData("tile/entries/")]
    [InlineData("tile/entries/0/000")]
    [InlineData("tile/entries/000.p/256")]
    [InlineData("tile/entries/x001")]
    [InlineData("tile/0/000?x=1")]
    [InlineData("tile/0/000 ")]
    [InlineData("tile/0/../000")]
    [InlineData("tile\\0\\000")]
    public void TryParse_RejectsNonCanonicalPaths_WithAnError(string path)
    {
        Assert.False(TilePath.TryParse(path, out var tile, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(default, tile);
    }

    [Fact]
    public void TryParse_AcceptsTheLargestIndex_AndRejectsOneMore()
    {
        var max = TilePath.Format(new TileRef(TileKind.Hash, 0, TilePath.MaxIndex, 256));
        Assert.True(TilePath.TryParse(max, out var tile, out _));
        Assert.Equal(TilePath.MaxIndex, tile.Index);
        var last = long.Parse(max[^3..]) + 1;
        Assert.False(TilePath.TryParse(max[..^3] + last.ToString("D3"), out _, out var error));
        Assert.Contains("too large", error);
    }
}
