using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Vigie.Core.Ledger;

namespace Vigie.Benchmarks;

/// <summary>Figure 3: proofs and roots from the in-memory tree of a 1,000,000-entry log.</summary>
[MemoryDiagnoser]
public class ProofBenchmarks
{
    private const long Size = 1_000_000;
    private const long Index = 654_321;
    private const long OldSize = 777_777;

    private MerkleTree _tree = null!;
    private byte[] _leaf = null!;
    private byte[][] _proof = null!;
    private byte[] _root = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = new MerkleTree();
        Span<byte> entry = stackalloc byte[8];
        for (long i = 0; i < Size; i++)
        {
            BitConverter.TryWriteBytes(entry, i);
            _tree.Append(MerkleHash.Leaf(SHA256.HashData(entry)));
        }

        _leaf = _tree.LeafHash(Index);
        _proof = _tree.InclusionProof(Index, Size);
        _root = _tree.RootHash(Size);
        if (!MerkleProof.VerifyInclusion(Index, Size, _leaf, _proof, _root).IsValid)
        {
            throw new InvalidOperationException("The benchmark's own inclusion proof does not verify.");
        }
    }

    [Benchmark]
    public byte[][] InclusionProof() => _tree.InclusionProof(Index, Size);

    [Benchmark]
    public byte[][] ConsistencyProof() => _tree.ConsistencyProof(OldSize, Size);

    [Benchmark]
    public byte[] RootHash() => _tree.RootHash(Size);

    [Benchmark]
    public bool VerifyInclusion() => MerkleProof.VerifyInclusion(Index, Size, _leaf, _proof, _root).IsValid;
}
