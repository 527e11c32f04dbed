using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Ledger;

namespace Vigie.Benchmarks;

/// <summary>
/// Diagnosis for figure 1: the CPU the ledger's single writer spends per entry before any SQL,
/// exactly as Ledger.WriteGroupAsync does it (build the envelope, then ToCanonicalJson, then the leaf hash).
/// </summary>
[MemoryDiagnoser]
public class EnvelopeBenchmarks
{
    private readonly DateTimeOffset _time = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private LedgerWrite _write = null!;
    private byte[] _canonical = null!;

    [GlobalSetup]
    public void Setup()
    {
        _write = new EntryFactory("evidence", Visibility.Internal).Create(42);
        _canonical = Envelope.CreatePublic(_write.Kind, _time, _write.Actor, _write.Body).ToCanonicalJson();
    }

    [Benchmark]
    public byte[] SealedEntryAsWriterDoes()
    {
        var (envelope, _) = Envelope.CreateSealed(_write.Kind, _time, _write.Actor, Visibility.Internal, _write.Body);
        return MerkleHash.Leaf(envelope.ToCanonicalJson());
    }

    [Benchmark]
    public byte[] PublicEntryAsWriterDoes() =>
        MerkleHash.Leaf(Envelope.CreatePublic(_write.Kind, _time, _write.Actor, _write.Body).ToCanonicalJson());

    [Benchmark]
    public byte[] JcsOfBodyOnce() => Jcs.Canonicalize(_write.Body);

    [Benchmark]
    public byte[] JcsOfEnvelopeOnce() => Jcs.TryCanonicalize(_canonical, out var c, out _) ? c! : [];

    [Benchmark]
    public EvidenceEntries.RecordedBody ProjectionBodyRead() => BodyJson.Read<EvidenceEntries.RecordedBody>(_write.Body);

    [Benchmark]
    public byte[] LeafHash() => MerkleHash.Leaf(_canonical);
}
