using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Evidence;
using Vigie.Server.Ledger;

namespace Vigie.Benchmarks;

/// <summary>
/// Builds the entries the scenarios append: an evidence.recorded/v1 body as the evidence API
/// writes it, either under its own kind (projected into the evidence table) or under a kind
/// nothing projects, so the two runs differ only by the projection and its savepoint.
/// </summary>
internal sealed class EntryFactory(string kind, Visibility visibility)
{
    public const string PlainKind = "bench.plain/v1";

    public string Kind { get; } = kind == "plain" ? PlainKind : EvidenceEntries.Recorded;

    public Visibility Visibility { get; } = visibility;

    public static EntryFactory From(BenchOptions options) => new(
        options.Kind,
        options.Visibility == "public" ? Visibility.Public : Visibility.Internal);

    public LedgerWrite Create(long n)
    {
        Span<byte> seed = stackalloc byte[8];
        BitConverter.TryWriteBytes(seed, n);
        var digest = Convert.ToHexStringLower(SHA256.HashData(seed));
        var i = n.ToString(CultureInfo.InvariantCulture);
        var body = new EvidenceEntries.RecordedBody(
            digest, $"eval-report-{i}.json", "application/json", 1024 + (n % 4096), $"model-x/1.{n % 10}", "Benchmark evidence");
        return new LedgerWrite(Kind, "bench-writer", Visibility, JsonSerializer.SerializeToElement(body, BodyJson.Options));
    }
}
