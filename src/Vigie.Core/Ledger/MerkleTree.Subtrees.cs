namespace Vigie.Core.Ledger;

/// <summary>Appending whole subtrees hashed elsewhere (a verifier hashes tiles of entries on several threads).</summary>
public sealed partial class MerkleTree
{
    /// <summary>
    /// Appends 2^k leaves at once, given every hash of their subtree as <see cref="MerkleSubtree.Compute"/>
    /// lays them out (level 0 first, the subtree's root last), so the hashing can be done on other
    /// threads and the tree only copies. The tree's size must be a multiple of the subtree's width,
    /// which makes the subtree one of the tree's own full subtrees.
    /// </summary>
    public void AppendSubtree(ReadOnlySpan<byte> hashes, int width)
    {
        if (!TreeMath.IsPowerOfTwo(width) || hashes.Length != MerkleSubtree.HashCount(width) * MerkleHash.Size)
        {
            throw new ArgumentException($"A subtree of {width} leaves takes 2·{width}−1 hashes (width a power of two), got {hashes.Length} bytes.", nameof(hashes));
        }

        Span<byte> parent = stackalloc byte[MerkleHash.Size];
        gate.EnterWriteLock();
        try
        {
            if (size % width != 0 || size > long.MaxValue - width)
            {
                throw new InvalidOperationException($"A subtree of {width} leaves cannot start at leaf {size}.");
            }

            var top = TreeMath.Log2(width);
            for (var level = 0; level <= top; level++)
            {
                var count = width >> level;
                if (level == levels.Count)
                {
                    levels.Add(new HashLevel());
                }

                levels[level].Append(hashes[..(count * MerkleHash.Size)]);
                hashes = hashes[(count * MerkleHash.Size)..];
            }

            // Above the subtree's root, as in Append: a right child completes its parent.
            var index = size >> top;
            for (var level = top; (index & 1) == 1; level++, index >>= 1)
            {
                MerkleHash.Node(levels[level].Get(index - 1), levels[level].Get(index), parent);
                if (level + 1 == levels.Count)
                {
                    levels.Add(new HashLevel());
                }

                levels[level + 1].Append(parent);
            }

            Interlocked.Add(ref size, width);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
