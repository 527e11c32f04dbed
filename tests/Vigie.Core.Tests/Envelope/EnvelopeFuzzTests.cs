using Vigie.Core.Json;
using Vigie.Core.Ledger;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;
using Vigie.Core.Tests.Json;

namespace Vigie.Core.Tests.Envelopes;

/// <summary>
/// Seeded mutation fuzzing: parsing untrusted bytes must never throw, and whatever TryParse
/// accepts must be the exact canonical serialization of what it returned.
/// </summary>
public sealed class EnvelopeFuzzTests
{
    private const int Seed = 20261127;
    private const int Iterations = 20_000;

    internal static List<byte[]> Seeds()
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
            var input = random.Next(5) == 0 ? ByteMutations.RandomBytes(random) : ByteMutations.Mutate(random, seeds[random.Next(seeds.Count)]);

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
}
