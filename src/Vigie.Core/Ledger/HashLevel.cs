using System.Numerics;

namespace Vigie.Core.Ledger;

/// <summary>
/// The hashes of one tree level, packed into large contiguous chunks so that a tree of a million
/// leaves costs about 2 × 32 bytes per leaf and a handful of objects, instead of one array per hash.
/// Not thread-safe: <see cref="MerkleTree"/> guards it with its lock.
/// </summary>
internal sealed class HashLevel
{
    internal const int ChunkShift = 16;
    internal const int ChunkHashes = 1 << ChunkShift; // 65,536 hashes = 2 MiB per chunk
    private const int FirstChunkHashes = 64;

    private readonly List<byte[]> chunks = [];

    public long Count { get; private set; }

    /// <summary>Appends one or more whole hashes (a multiple of <see cref="MerkleHash.Size"/> bytes).</summary>
    public void Append(ReadOnlySpan<byte> hashes)
    {
        if (hashes.Length % MerkleHash.Size != 0)
        {
            throw new ArgumentException($"Hashes come in whole {MerkleHash.Size}-byte units, got {hashes.Length} bytes.", nameof(hashes));
        }

        while (!hashes.IsEmpty)
        {
            var chunk = (int)(Count >> ChunkShift);
            var offset = (int)(Count & (ChunkHashes - 1));
            if (chunk == chunks.Count)
            {
                // Only the first chunk of a level starts small and grows: high levels hold few
                // hashes, and a full 2 MiB chunk for each of them would double the memory used.
                chunks.Add(new byte[(chunk == 0 ? FirstChunkHashes : ChunkHashes) * MerkleHash.Size]);
            }

            var count = Math.Min(ChunkHashes - offset, hashes.Length / MerkleHash.Size);
            var needed = (offset + count) * MerkleHash.Size;
            if (needed > chunks[chunk].Length)
            {
                var grown = new byte[Math.Min(Math.Max(chunks[chunk].Length * 2, (int)BitOperations.RoundUpToPowerOf2((uint)needed)), ChunkHashes * MerkleHash.Size)];
                chunks[chunk].CopyTo(grown, 0);
                chunks[chunk] = grown;
            }

            hashes[..(count * MerkleHash.Size)].CopyTo(chunks[chunk].AsSpan(offset * MerkleHash.Size));
            hashes = hashes[(count * MerkleHash.Size)..];
            Count += count;
        }
    }

    /// <summary>The stored hash; the span is only valid while the caller holds the tree's lock.</summary>
    public ReadOnlySpan<byte> Get(long index)
    {
        var chunk = (int)(index >> ChunkShift);
        var offset = (int)(index & (ChunkHashes - 1));
        return chunks[chunk].AsSpan(offset * MerkleHash.Size, MerkleHash.Size);
    }

    /// <summary>Copies <paramref name="count"/> consecutive hashes starting at <paramref name="start"/>.</summary>
    public void CopyTo(long start, int count, Span<byte> destination)
    {
        for (var i = 0; i < count; i++)
        {
            Get(start + i).CopyTo(destination.Slice(i * MerkleHash.Size, MerkleHash.Size));
        }
    }

    public long AllocatedBytes
    {
        get
        {
            long total = 0;
            foreach (var chunk in chunks)
            {
                total += chunk.Length;
            }

            return total;
        }
    }
}
