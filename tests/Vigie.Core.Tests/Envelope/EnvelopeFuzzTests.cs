using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;

namespace Vigie.Core.Tests.Envelopes;

/// <summary>
/// Seeded mutation fuzzing: parsing untrusted bytes must never throw, and whatever TryParse
/// accepts must be the exact canonical serialization of what it returned.
/// </summary>
public sealed class EnvelopeFuzzTests
{
    private const int Seed = 20261127;
    private const int Iterations = 20_000;

    // Bytes that matter to JSON and to the envelope grammar, so mutations hit interesting paths.
    private static readonly byte[] Interesting = "{}[]\":,\\ \t\nu0123456789abcdefABCDEF.-+eE/vtrufalsn"u8.ToArray()
        .Concat(new byte[] { 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xa9, 0xed, 0xa0, 0xf0, 0x9f, 0xff })
        .ToArray();

    private static List<byte[]> Seeds()
    {
        var nested = Parse("""{"title":"Évaluation \u2014 \ud83d\ude00","score":0.125,"big":1e21,"tiny":1e-7,"list":[null,true,false,"a\"b\\c\n"],"o":{"z":{},"a":[]}}""");
        return
        [
            Envelope.CreatePublic("evidence.recorded/v1", Time, "alice", nested).ToCanonicalJson(),
            Envelope.CreatePublic("decision.signed/v3", Time, null, Parse("""{"ok":true}""")).ToCanonicalJson(),
            Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody()).Envelope.ToCanonicalJson(),
            Envelope.CreateSealed("waiver.granted/v2", Time, "bob.smith", Visibility.Internal, nested).Envelope.ToCanonicalJson(),
        ];
    }

    [Fact]
    public void TryParseAndTryCanonicalize_NeverThrow_AndAcceptOnlyCanonicalBytes()
    {
        var random = new Random(Seed);
        var seeds = Seeds();
        int accepted = 0, rejected = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var input = random.Next(5) == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Count)]);

            if (Envelope.TryParse(input, out var envelope, out var error))
            {
                accepted++;
                Assert.Null(error);
                Assert.Equal(input, envelope!.ToCanonicalJson());
            }
            else
            {
                rejected++;
                Assert.Null(envelope);
                Assert.False(string.IsNullOrEmpty(error));
            }

            if (Jcs.TryCanonicalize(input, out var canonical, out var jcsError))
            {
                // Canonical output is itself canonical.
                Assert.True(Jcs.TryCanonicalize(canonical, out var twice, out _));
                Assert.Equal(canonical, twice);
            }
            else
            {
                Assert.Null(canonical);
                Assert.False(string.IsNullOrEmpty(jcsError));
            }
        }

        // Both outcomes were exercised, so the assertions above had something to check.
        Assert.True(accepted > 0, "no mutated input was accepted");
        Assert.True(rejected > Iterations / 2, $"only {rejected} inputs rejected");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 160)];
        if (random.Next(2) == 0)
        {
            random.NextBytes(bytes);
        }
        else
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = Interesting[random.Next(Interesting.Length)];
            }
        }

        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // flip one bit
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // overwrite with a JSON-significant byte
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2: // insert
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3: // delete a short run
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 8)));
                    break;
                case 4: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default: // duplicate a slice in place (repeats keys, values, separators)
                    var length = Math.Min(bytes.Count - at, random.Next(1, 24));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
