using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

public sealed class MerkleTreeTests
{
    [Fact]
    public void EmptyRoot_IsSha256OfEmptyString_PerRfc9162()
    {
        Assert.Equal(TlogVectors.B64(TlogVectors.Merkle.GetProperty("emptyTreeRoot")), MerkleHash.EmptyRoot);
        Assert.Equal(SHA256.HashData(Array.Empty<byte>()), MerkleHash.EmptyRoot);
        Assert.Equal(MerkleHash.EmptyRoot, new MerkleTree().RootHash());
    }

    [Fact]
    public void EmptyRoot_ReturnsACopy_SoCallersCannotCorruptIt()
    {
        MerkleHash.EmptyRoot[0] ^= 0xFF;
        Assert.Equal(SHA256.HashData(Array.Empty<byte>()), MerkleHash.EmptyRoot);
    }

    [Fact]
    public void LeafAndNode_UseDomainSeparationPrefixes()
    {
        var entry = Encoding.ASCII.GetBytes("leaf-0");
        Assert.Equal(SHA256.HashData([0x00, .. entry]), MerkleHash.Leaf(entry));
        var big = new byte[5000];
        big[4999] = 7;
        Assert.Equal(SHA256.HashData([0x00, .. big]), MerkleHash.Leaf(big));
        var l = MerkleHash.Leaf([1]);
        var r = MerkleHash.Leaf([2]);
        Assert.Equal(SHA256.HashData([0x01, .. l, .. r]), MerkleHash.Node(l, r));
        Assert.Throws<ArgumentException>(() => MerkleHash.Node(l, new byte[31]));
    }

    [Fact]
    public void RootHash_MatchesGoVector_ForEverySize()
    {
        var tree = TlogVectors.Tree;
        var count = 0;
        foreach (var (size, root) in TlogVectors.Roots())
        {
            Assert.Equal(root, tree.RootHash(size));
            count++;
        }

        Assert.Equal(80, count);
        Assert.Equal(tree.RootHash(TlogVectors.TreeSize), tree.RootHash());
    }

    [Fact]
    public void RootHash_OfGrowingTree_EqualsRootHashAtThatSizeOfTheFullTree()
    {
        var full = TlogVectors.Tree;
        var growing = new MerkleTree();
        for (var i = 0; i < 300; i++)
        {
            growing.Append(full.LeafHash(i));
            Assert.Equal(full.RootHash(i + 1), growing.RootHash());
        }
    }

    [Fact]
    public void NodeHash_IsTheRootOfTheAlignedFullSubtree()
    {
        var tree = TlogVectors.Tree;
        Assert.Equal(tree.RootHash(1024), tree.NodeHash(10, 0));
        Assert.Equal(tree.RootHash(256), tree.NodeHash(8, 0));
        Assert.Equal(MerkleHash.Node(tree.LeafHash(6), tree.LeafHash(7)), tree.NodeHash(1, 3));
        Assert.Equal(MerkleHash.Leaf(TlogVectors.LeafEntry(1099)), tree.LeafHash(1099));
    }

    [Fact]
    public void Accessors_ThrowArgumentOutOfRange_ForMissingNodesAndBadSizes()
    {
        var tree = TlogVectors.Tree;
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeafHash(1100));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeafHash(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.NodeHash(10, 1)); // leaves 1024..2047 do not exist
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.NodeHash(11, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.NodeHash(64, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.NodeHash(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(1101));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 1101));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(5, 1101));
        Assert.Throws<ArgumentException>(() => new MerkleTree().Append(new byte[31]));
    }

    [Fact]
    public void ConsistencyProof_IsEmpty_WhenSizesAreEqual()
    {
        Assert.Empty(TlogVectors.Tree.ConsistencyProof(7, 7));
    }

    [Fact]
    public void FromLeafHashes_BuildsTheSameTreeAsAppend()
    {
        var hashes = Enumerable.Range(0, 77).Select(i => MerkleHash.Leaf(TlogVectors.LeafEntry(i)));
        Assert.Equal(TlogVectors.Tree.RootHash(77), MerkleTree.FromLeafHashes(hashes).RootHash());
    }

    [Fact]
    public void MillionLeafTree_UsesAbout64MegabytesOfHashStorage()
    {
        var tree = new MerkleTree();
        var leaf = new byte[MerkleHash.Size];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000_000; i++)
        {
            BitConverter.TryWriteBytes(leaf, i);
            tree.Append(leaf);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_000_000, tree.Size);
        Assert.InRange(tree.AllocatedHashBytes, 2_000_000L * 32, 70L * 1024 * 1024);
        // Growing each level's first chunk leaves some garbage; one array per hash would need
        // about 2M × 56 bytes = 112 MB, well above this bound.
        Assert.InRange(allocated, 0, 96L * 1024 * 1024);
    }

    [Fact]
    public async Task ConcurrentReaders_AlwaysSeeAConsistentTree_WhileOneWriterAppends()
    {
        var reference = TlogVectors.Tree;
        var tree = new MerkleTree();
        tree.Append(reference.LeafHash(0));
        using var done = new CancellationTokenSource();
        var failures = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            do
            {
                var size = tree.Size;
                var index = size / 2;
                var root = tree.RootHash(size);
                var proof = tree.InclusionProof(index, size);
                if (!root.AsSpan().SequenceEqual(reference.RootHash(size))
                    || !MerkleProof.VerifyInclusion(index, size, reference.LeafHash(index), proof, root).IsValid)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref reads);
            }
            while (!done.IsCancellationRequested);
        })).ToArray();

        for (var i = 1; i < TlogVectors.TreeSize; i++)
        {
            tree.Append(reference.LeafHash(i));
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(reads > 0);
        Assert.Equal(reference.RootHash(), tree.RootHash());
    }
}
