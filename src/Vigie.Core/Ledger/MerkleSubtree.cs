namespace Vigie.Core.Ledger;

/// <summary>
/// Every hash of one perfect subtree of 2^k leaves (RFC 9162 §2.1.1), laid out level by level: the
/// leaf hashes, then their parents, up to the root, 2·2^k − 1 hashes in all. Computed apart from any
/// tree, so a verifier can hash many tiles of entries at once and hand them to
/// <see cref="MerkleTree.AppendSubtree"/>.
/// </summary>
public static class MerkleSubtree
{
    public static int HashCount(int width) => (2 * width) - 1;

    /// <summary>
    /// Fills the levels above the leaves: <paramref name="hashes"/> holds <see cref="HashCount"/>
    /// hashes, of which the first <paramref name="width"/> are the leaf hashes, already written.
    /// </summary>
    public static void Compute(Span<byte> hashes, int width)
    {
        if (!TreeMath.IsPowerOfTwo(width) || hashes.Length != HashCount(width) * MerkleHash.Size)
        {
            throw new ArgumentException($"A subtree of {width} leaves takes 2·{width}−1 hashes (width a power of two), got {hashes.Length} bytes.", nameof(hashes));
        }

        var below = 0;
        for (var count = width; count > 1; count /= 2)
        {
            var above = below + count;
            for (var i = 0; i < count / 2; i++)
            {
                MerkleHash.Node(
                    hashes.Slice((below + (2 * i)) * MerkleHash.Size, MerkleHash.Size),
                    hashes.Slice((below + (2 * i) + 1) * MerkleHash.Size, MerkleHash.Size),
                    hashes.Slice((above + i) * MerkleHash.Size, MerkleHash.Size));
            }

            below = above;
        }
    }
}
