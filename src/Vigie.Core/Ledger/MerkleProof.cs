using System.Security.Cryptography;

namespace Vigie.Core.Ledger;

/// <summary>
/// Verifiers for RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Besides the
/// RFC algorithms, the expected proof length is computed from the sizes first: a proof that is too
/// short or too long is rejected with a message saying so, before any hashing.
/// </summary>
public static class MerkleProof
{
    public static ProofCheck VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash,
        IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        if (proof is null)
        {
            return ProofCheck.Fail("The inclusion proof is missing.");
        }

        if (size <= 0)
        {
            return ProofCheck.Fail($"Tree size must be positive for an inclusion proof, got {size}.");
        }

        if (index < 0 || index >= size)
        {
            return ProofCheck.Fail($"Leaf index {index} is outside a tree of size {size} (valid: 0..{size - 1}).");
        }

        if (HashLengthError("leaf hash", leafHash) is { } leafError)
        {
            return ProofCheck.Fail(leafError);
        }

        if (HashLengthError("root hash", rootHash) is { } rootError)
        {
            return ProofCheck.Fail(rootError);
        }

        var expected = TreeMath.InclusionProofLength(index, size);
        if (proof.Count != expected)
        {
            return ProofCheck.Fail(
                $"An inclusion proof for index {index} in a tree of size {size} has {expected} hashes, got {proof.Count}.");
        }

        if (ProofHashError(proof) is { } proofError)
        {
            return ProofCheck.Fail(proofError);
        }

        // RFC 9162 §2.1.3.2 steps 2-5.
        long fn = index, sn = size - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return ProofCheck.Fail("The inclusion proof has more hashes than the tree has levels.");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                if ((fn & 1) == 0)
                {
                    // fn is the last node of its level: skip levels where it has no sibling.
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return ProofCheck.Fail("The inclusion proof has fewer hashes than the tree has levels.");
        }

        return CryptographicOperations.FixedTimeEquals(r, rootHash)
            ? ProofCheck.Ok
            : ProofCheck.Fail($"The inclusion proof for index {index} does not lead to the given root of the tree of size {size}.");
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2. Equal sizes need an empty proof and equal roots. A first size of 0 is
    /// accepted with an empty proof when root1 is the empty-tree hash: every tree extends the empty
    /// one (C2SP tlog-witness relies on this for a witness's first checkpoint).
    /// </summary>
    public static ProofCheck VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (proof is null)
        {
            return ProofCheck.Fail("The consistency proof is missing.");
        }

        if (size1 < 0 || size2 < 0)
        {
            return ProofCheck.Fail($"Tree sizes cannot be negative (got {size1} and {size2}).");
        }

        if (size1 > size2)
        {
            return ProofCheck.Fail($"The first tree size {size1} is larger than the second {size2}; a log never shrinks.");
        }

        if (HashLengthError("first root hash", root1) is { } error1)
        {
            return ProofCheck.Fail(error1);
        }

        if (HashLengthError("second root hash", root2) is { } error2)
        {
            return ProofCheck.Fail(error2);
        }

        if (size1 == 0 || size1 == size2)
        {
            return VerifyTrivialConsistency(size1, size2, proof, root1, root2);
        }

        var expected = TreeMath.ConsistencyProofLength(size1, size2);
        if (proof.Count != expected)
        {
            return ProofCheck.Fail(
                $"A consistency proof from size {size1} to {size2} has {expected} hashes, got {proof.Count}.");
        }

        if (ProofHashError(proof) is { } proofError)
        {
            return ProofCheck.Fail(proofError);
        }

        return WalkConsistency(size1, size2, proof, root1, root2);
    }

    private static ProofCheck VerifyTrivialConsistency(long size1, long size2, IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (proof.Count != 0)
        {
            return ProofCheck.Fail($"A consistency proof from size {size1} to {size2} must be empty, got {proof.Count} hashes.");
        }

        if (size1 == 0)
        {
            return CryptographicOperations.FixedTimeEquals(root1, MerkleHash.EmptyRootSpan)
                ? ProofCheck.Ok
                : ProofCheck.Fail("The first root is not the empty-tree hash, but the first tree size is 0.");
        }

        return CryptographicOperations.FixedTimeEquals(root1, root2)
            ? ProofCheck.Ok
            : ProofCheck.Fail($"Both trees have size {size1} but their roots differ: the log forked.");
    }

    /// <summary>RFC 9162 §2.1.4.2 steps 2-7, for 0 &lt; size1 &lt; size2 and a proof of the right length.</summary>
    private static ProofCheck WalkConsistency(long size1, long size2, IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        // Step 2: when the old tree is a full subtree its root is the starting point, not in the proof.
        var first = TreeMath.IsPowerOfTwo(size1) ? root1 : proof[0];
        var next = TreeMath.IsPowerOfTwo(size1) ? 0 : 1;

        long fn = size1 - 1, sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        first.CopyTo(fr);
        first.CopyTo(sr);
        for (var i = next; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0)
            {
                return ProofCheck.Fail("The consistency proof has more hashes than the trees have levels.");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return ProofCheck.Fail("The consistency proof has fewer hashes than the trees have levels.");
        }

        if (!CryptographicOperations.FixedTimeEquals(fr, root1))
        {
            return ProofCheck.Fail($"The consistency proof does not lead to the given root of the tree of size {size1}.");
        }

        return CryptographicOperations.FixedTimeEquals(sr, root2)
            ? ProofCheck.Ok
            : ProofCheck.Fail($"The consistency proof does not lead to the given root of the tree of size {size2}.");
    }

    private static string? HashLengthError(string what, ReadOnlySpan<byte> hash) =>
        hash.Length == MerkleHash.Size ? null : $"The {what} must be {MerkleHash.Size} bytes, got {hash.Length}.";

    private static string? ProofHashError(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i] is null || proof[i].Length != MerkleHash.Size)
            {
                return $"Proof hash {i} must be {MerkleHash.Size} bytes, got {proof[i]?.Length ?? 0}.";
            }
        }

        return null;
    }
}
