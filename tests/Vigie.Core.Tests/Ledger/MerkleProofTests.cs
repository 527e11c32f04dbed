using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

public sealed class MerkleProofTests
{
    private static MerkleTree Tree => TlogVectors.Tree;

    [Fact]
    public void InclusionProof_MatchesGoVector_ForEveryCase()
    {
        var cases = TlogVectors.Inclusions().ToList();
        Assert.Equal(142, cases.Count);
        foreach (var (index, size, leaf, proof) in cases)
        {
            Assert.Equal(leaf, Tree.LeafHash(index));
            Assert.Equal(proof, Tree.InclusionProof(index, size));
            var check = MerkleProof.VerifyInclusion(index, size, leaf, proof, Tree.RootHash(size));
            Assert.True(check.IsValid, $"{index}/{size}: {check.Error}");
        }
    }

    [Fact]
    public void ConsistencyProof_MatchesGoVector_ForEveryCase()
    {
        var cases = TlogVectors.Consistencies().ToList();
        Assert.Equal(139, cases.Count);
        foreach (var (from, to, proof) in cases)
        {
            Assert.Equal(proof, Tree.ConsistencyProof(from, to));
            var check = MerkleProof.VerifyConsistency(from, to, proof, Tree.RootHash(from), Tree.RootHash(to));
            Assert.True(check.IsValid, $"{from}->{to}: {check.Error}");
        }
    }

    [Fact]
    public void Proofs_VerifyForEveryIndexAndSizePair_UpTo70()
    {
        for (long size = 1; size <= 70; size++)
        {
            for (long m = 0; m < size; m++)
            {
                Assert.True(MerkleProof.VerifyInclusion(m, size, Tree.LeafHash(m), Tree.InclusionProof(m, size), Tree.RootHash(size)).IsValid);
                if (m > 0)
                {
                    Assert.True(MerkleProof.VerifyConsistency(m, size, Tree.ConsistencyProof(m, size), Tree.RootHash(m), Tree.RootHash(size)).IsValid);
                }
            }
        }
    }

    [Fact]
    public void VerifyInclusion_Fails_WhenAnyProofHashHasABitFlipped()
    {
        foreach (var (index, size, leaf, proof) in TlogVectors.Inclusions())
        {
            var root = Tree.RootHash(size);
            for (var i = 0; i < proof.Length; i++)
            {
                var bad = Copy(proof);
                bad[i][i % 32] ^= 0x01;
                Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, bad, root).IsValid);
            }

            var flippedLeaf = (byte[])leaf.Clone();
            flippedLeaf[31] ^= 0x80;
            Assert.False(MerkleProof.VerifyInclusion(index, size, flippedLeaf, proof, root).IsValid);
            var flippedRoot = (byte[])root.Clone();
            flippedRoot[0] ^= 0x01;
            Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, proof, flippedRoot).IsValid);
        }
    }

    [Fact]
    public void VerifyInclusion_Fails_WhenAHashIsAddedOrRemoved()
    {
        foreach (var (index, size, leaf, proof) in TlogVectors.Inclusions())
        {
            var root = Tree.RootHash(size);
            var longer = MerkleProof.VerifyInclusion(index, size, leaf, [.. proof, root], root);
            Assert.False(longer.IsValid);
            Assert.Contains("hashes", longer.Error);
            Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, [MerkleHash.EmptyRoot, .. proof], root).IsValid);
            if (proof.Length > 0)
            {
                Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, proof[..^1], root).IsValid);
                Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, proof[1..], root).IsValid);
            }
        }
    }

    [Fact]
    public void VerifyInclusion_Fails_WhenIndexOrSizeAreWrong()
    {
        foreach (var (index, size, leaf, proof) in TlogVectors.Inclusions().Where(c => c.Size > 1))
        {
            var root = Tree.RootHash(size);
            Assert.False(MerkleProof.VerifyInclusion(index ^ 1, size, leaf, proof, root).IsValid);
            Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, proof, Tree.RootHash(size - 1)).IsValid);
            // A wrong size must fail against that size's own root (the pair a checkpoint binds).
            foreach (var other in new[] { size - 1, size + 1, size * 2 }.Where(s => s > index && s <= 1100))
            {
                Assert.False(MerkleProof.VerifyInclusion(index, other, leaf, proof, Tree.RootHash(other)).IsValid);
            }
        }

        var leaf0 = Tree.LeafHash(0);
        var root5 = Tree.RootHash(5);
        var proof05 = Tree.InclusionProof(0, 5);
        Assert.False(MerkleProof.VerifyInclusion(5, 5, leaf0, proof05, root5).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(9, 5, leaf0, proof05, root5).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(-1, 5, leaf0, proof05, root5).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(0, -5, leaf0, proof05, root5).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(0, 0, leaf0, [], MerkleHash.EmptyRoot).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(long.MaxValue, long.MinValue, leaf0, proof05, root5).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(0, 5, leaf0[..31], proof05, root5).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(0, 5, leaf0, proof05, root5[..31]).IsValid);
        Assert.False(MerkleProof.VerifyInclusion(0, 5, leaf0, [proof05[0], proof05[1], proof05[2][..31]], root5).IsValid);
        var negative = MerkleProof.VerifyInclusion(-1, 5, leaf0, proof05, root5);
        Assert.Contains("outside", negative.Error);
    }

    [Fact]
    public void VerifyConsistency_Fails_WhenAnyHashIsFlippedAddedOrRemoved()
    {
        foreach (var (from, to, proof) in TlogVectors.Consistencies().Where(c => c.From != c.To))
        {
            var (root1, root2) = (Tree.RootHash(from), Tree.RootHash(to));
            for (var i = 0; i < proof.Length; i++)
            {
                var bad = Copy(proof);
                bad[i][(i * 7) % 32] ^= 0x40;
                Assert.False(MerkleProof.VerifyConsistency(from, to, bad, root1, root2).IsValid);
            }

            Assert.False(MerkleProof.VerifyConsistency(from, to, [.. proof, root2], root1, root2).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(from, to, [root1, .. proof], root1, root2).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(from, to, proof[..^1], root1, root2).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(from, to, [], root1, root2).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(from, to, proof, root2, root2).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(from, to, proof, root1, root1).IsValid);
        }
    }

    [Fact]
    public void VerifyConsistency_Fails_WhenSizesAreWrong()
    {
        foreach (var (from, to, proof) in TlogVectors.Consistencies().Where(c => c.From != c.To && c.To < 1100))
        {
            // Each claimed size is checked with its own root, as a checkpoint would supply it.
            var (root1, root2) = (Tree.RootHash(from), Tree.RootHash(to));
            Assert.False(MerkleProof.VerifyConsistency(from, to + 1, proof, root1, Tree.RootHash(to + 1)).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(from + 1, to, proof, Tree.RootHash(from + 1), root2).IsValid);
            Assert.False(MerkleProof.VerifyConsistency(to, from, proof, root2, root1).IsValid);
        }

        var (r3, r7) = (Tree.RootHash(3), Tree.RootHash(7));
        var p37 = Tree.ConsistencyProof(3, 7);
        var reversed = MerkleProof.VerifyConsistency(7, 3, p37, r7, r3);
        Assert.False(reversed.IsValid);
        Assert.Contains("larger", reversed.Error);
        Assert.False(MerkleProof.VerifyConsistency(-3, 7, p37, r3, r7).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(3, -7, p37, r3, r7).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(3, 7, p37, r3[..16], r7).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(3, 7, p37, r3, [.. r7, 0]).IsValid);
    }

    [Fact]
    public void VerifyConsistency_OfEqualSizes_NeedsEmptyProofAndEqualRoots()
    {
        var r7 = Tree.RootHash(7);
        Assert.True(MerkleProof.VerifyConsistency(7, 7, [], r7, r7).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(7, 7, [], r7, Tree.RootHash(6)).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(7, 7, [r7], r7, r7).IsValid);
    }

    [Fact]
    public void VerifyConsistency_FromEmptyTree_NeedsEmptyProofAndTheEmptyRoot()
    {
        var r7 = Tree.RootHash(7);
        Assert.True(MerkleProof.VerifyConsistency(0, 7, [], MerkleHash.EmptyRoot, r7).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(0, 7, [], new byte[32], r7).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(0, 7, [r7], MerkleHash.EmptyRoot, r7).IsValid);
    }

    private static byte[][] Copy(byte[][] proof) => [.. proof.Select(h => (byte[])h.Clone())];
}
