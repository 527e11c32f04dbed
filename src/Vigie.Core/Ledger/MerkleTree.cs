namespace Vigie.Core.Ledger;

/// <summary>
/// Append-only in-memory Merkle tree (RFC 9162 §2.1) that keeps every full-subtree hash:
/// level 0 holds leaf hashes, and index i of level k is the hash of leaves [i·2^k, (i+1)·2^k).
/// Any root, proof or tile is then read from at most ~2·log2(n) stored hashes.
/// One writer and many readers: readers take a read lock, so they always see a whole tree.
/// </summary>
public sealed partial class MerkleTree
{
    /// <summary>Tree levels are 0..63: a tree of at most long.MaxValue leaves has no level 63.</summary>
    private const int MaxLevels = 64;

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly List<HashLevel> levels = [new HashLevel()];
    private long size;

    public long Size => Interlocked.Read(ref size);

    public static MerkleTree FromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var tree = new MerkleTree();
        foreach (var leafHash in leafHashes)
        {
            tree.Append(leafHash);
        }

        return tree;
    }

    /// <summary>Appends one leaf hash (MerkleHash.Leaf of the entry) and stores every subtree it completes.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes, got {leafHash.Length}.", nameof(leafHash));
        }

        Span<byte> parent = stackalloc byte[MerkleHash.Size];
        gate.EnterWriteLock();
        try
        {
            if (size == long.MaxValue)
            {
                throw new InvalidOperationException("The tree is full.");
            }

            levels[0].Append(leafHash);

            // Index i at a level completes a parent exactly when i is odd (it is a right child).
            var index = size;
            for (var level = 0; (index & 1) == 1; level++, index >>= 1)
            {
                MerkleHash.Node(levels[level].Get(index - 1), levels[level].Get(index), parent);
                if (level + 1 == levels.Count)
                {
                    levels.Add(new HashLevel());
                }

                levels[level + 1].Append(parent);
            }

            Interlocked.Increment(ref size);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public byte[] LeafHash(long index) => NodeHash(0, index);

    /// <summary>The stored hash of a full subtree; anything else is a caller bug.</summary>
    public byte[] NodeHash(int level, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, MaxLevels);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        gate.EnterReadLock();
        try
        {
            if (level >= levels.Count || index >= levels[level].Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index,
                    $"No full subtree at level {level} index {index} in a tree of size {size}.");
            }

            return levels[level].Get(index).ToArray();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public byte[] RootHash() => RootHash(Size);

    /// <summary>MTH(D[0:size]) of RFC 9162 §2.1.1 for any size up to the current one.</summary>
    public byte[] RootHash(long size)
    {
        gate.EnterReadLock();
        try
        {
            CheckSize(size, nameof(size));
            if (size == 0)
            {
                return MerkleHash.EmptyRoot;
            }

            var root = new byte[MerkleHash.Size];
            SubtreeHash(0, size, root);
            return root;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, ordered from the leaf upward.</summary>
    public byte[][] InclusionProof(long index, long size)
    {
        gate.EnterReadLock();
        try
        {
            CheckSize(size, nameof(size));
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);

            // Walk from the root down; each step records the sibling subtree, so reverse at the end.
            var proof = new List<byte[]>();
            long start = 0, m = index, n = size;
            while (n > 1)
            {
                var k = TreeMath.SplitPoint(n);
                if (m < k)
                {
                    proof.Add(SubtreeHash(start + k, n - k));
                    n = k;
                }
                else
                {
                    proof.Add(SubtreeHash(start, k));
                    start += k;
                    m -= k;
                    n -= k;
                }
            }

            proof.Reverse();
            return [.. proof];
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1; empty when the sizes are equal.</summary>
    public byte[][] ConsistencyProof(long size1, long size2)
    {
        gate.EnterReadLock();
        try
        {
            CheckSize(size2, nameof(size2));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);

            // SUBPROOF(m, D[start:start+n], b), unrolled from the root down, then reversed.
            var proof = new List<byte[]>();
            long start = 0, m = size1, n = size2;
            var wholeOldTree = true;
            while (m != n)
            {
                var k = TreeMath.SplitPoint(n);
                if (m <= k)
                {
                    proof.Add(SubtreeHash(start + k, n - k));
                    n = k;
                }
                else
                {
                    proof.Add(SubtreeHash(start, k));
                    start += k;
                    m -= k;
                    n -= k;
                    wholeOldTree = false;
                }
            }

            if (!wholeOldTree)
            {
                proof.Add(SubtreeHash(start, m));
            }

            proof.Reverse();
            return [.. proof];
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// C2SP tlog-tiles: the <paramref name="width"/> hashes of tree level 8·<paramref name="level"/>
    /// starting at index 256·<paramref name="n"/>, concatenated. Only hashes that exist can be served.
    /// </summary>
    public byte[] HashTile(int level, long n, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, TilePath.MaxLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, TilePath.FullWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, TilePath.MaxIndex);

        var treeLevel = level * TilePath.Height;
        var first = n * TilePath.FullWidth;
        gate.EnterReadLock();
        try
        {
            if (treeLevel >= levels.Count || first + width > levels[treeLevel].Count)
            {
                throw new ArgumentOutOfRangeException(nameof(width), width,
                    $"Tile {level}/{n} of width {width} needs hashes that a tree of size {size} does not have.");
            }

            var tile = new byte[width * MerkleHash.Size];
            levels[treeLevel].CopyTo(first, width, tile);
            return tile;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Bytes held by hash storage (for memory tests and metrics).</summary>
    internal long AllocatedHashBytes
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return levels.Sum(l => l.AllocatedBytes);
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    private void CheckSize(long treeSize, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize, name);
        if (treeSize > size)
        {
            throw new ArgumentOutOfRangeException(name, treeSize, $"The tree has only {size} leaves.");
        }
    }

    private byte[] SubtreeHash(long start, long count)
    {
        var hash = new byte[MerkleHash.Size];
        SubtreeHash(start, count, hash);
        return hash;
    }

    /// <summary>MTH(D[start:start+count]); the caller holds the lock and count ≥ 1. Subtrees that
    /// RFC 9162 asks for are either stored whole (aligned power of two) or the tree's right edge.</summary>
    private void SubtreeHash(long start, long count, Span<byte> destination)
    {
        if (TreeMath.IsPowerOfTwo(count) && (start & (count - 1)) == 0)
        {
            var level = TreeMath.Log2(count);
            levels[level].Get(start >> level).CopyTo(destination);
            return;
        }

        var k = TreeMath.SplitPoint(count);
        Span<byte> left = stackalloc byte[MerkleHash.Size];
        Span<byte> right = stackalloc byte[MerkleHash.Size];
        SubtreeHash(start, k, left);
        SubtreeHash(start + k, count - k, right);
        MerkleHash.Node(left, right, destination);
    }
}
