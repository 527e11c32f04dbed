using System.Text;
using Vigie.Core.Ledger;
using Vigie.Core.Tests.Json;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;

namespace Vigie.Core.Tests.Envelopes;

/// <summary>
/// The verifier's entry check with its shortcut (<see cref="Envelope.IsValidEntry"/>) against the
/// full checks alone: same verdict and same message on valid entries, on entries with every field
/// varied, and on tens of thousands of byte-mutated ones; and the shortcut really is taken for
/// valid entries, so the comparison covers it.
/// </summary>
public sealed class EnvelopeCheckTests
{
    private const int Seed = 20261205;

    private static void AssertSameVerdict(byte[] entry)
    {
        var fast = Envelope.IsValidEntry(entry, out var fastError);
        var full = EnvelopeReader.IsValidByFullChecks(entry, out var fullError);
        Assert.True(fast == full, $"shortcut says {fast}, full checks say {full} ({fullError}) for {Encoding.UTF8.GetString(entry)}");
        Assert.Equal(fullError, fastError);
    }

    [Fact]
    public void ValidEntries_TakeTheShortcut()
    {
        foreach (var entry in EnvelopeFuzzTests.Seeds().Concat(VariedEntries(new Random(Seed)).Where(e => EnvelopeReader.IsValidByFullChecks(e, out _)).Take(500)))
        {
            Assert.True(EnvelopeCheck.IsCanonicalAndValid(entry), Encoding.UTF8.GetString(entry));
            AssertSameVerdict(entry);
        }
    }

    [Fact]
    public void MutatedEntries_GetTheSameVerdictAndMessage()
    {
        var random = new Random(Seed);
        var seeds = EnvelopeFuzzTests.Seeds();
        int valid = 0, invalid = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var entry = ByteMutations.Mutate(random, seeds[random.Next(seeds.Count)]);
            AssertSameVerdict(entry);
            (valid, invalid) = EnvelopeReader.IsValidByFullChecks(entry, out _) ? (valid + 1, invalid) : (valid, invalid + 1);
        }

        Assert.True(valid > 200 && invalid > 20_000, $"valid {valid}, invalid {invalid}");
    }

    [Fact]
    public void EntriesWithEveryFieldVaried_GetTheSameVerdictAndMessage()
    {
        int valid = 0, invalid = 0;
        foreach (var entry in VariedEntries(new Random(Seed + 1)).Take(40_000))
        {
            AssertSameVerdict(entry);
            (valid, invalid) = EnvelopeReader.IsValidByFullChecks(entry, out _) ? (valid + 1, invalid) : (valid, invalid + 1);
        }

        Assert.True(valid > 2_000 && invalid > 10_000, $"valid {valid}, invalid {invalid}");
    }

    [Theory]
    [InlineData("""{"actor":"alice","body":{"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", true)]
    [InlineData("""{"body":{},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", true)]
    [InlineData("""{"commitment":"sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e","kind":"concern.raised/v1","time":"2026-11-27T16:22:00.123Z","visibility":"confidential"}""", true)]
    [InlineData("""{"actor":"alice","body":{"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"internal"}""", false)]
    [InlineData("""{"body":{"x":1},"commitment":"sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e","kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"actor":"al\u0069ce","body":{},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"actor":"alice\n","body":{},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"actor":null,"body":{},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"body":[],"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"body":{},"kind":"a.b/v1","time":"2026-02-29T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"body":{},"extra":1,"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"body":{},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z"}""", false)]
    [InlineData("""{"kind":"a.b/v1","body":{},"time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""{"body":{"b":1,"a":2},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", false)]
    [InlineData("""[{"body":{},"kind":"a.b/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}]""", false)]
    public void HandPickedEntries_GetTheSameVerdictAndMessage(string json, bool valid)
    {
        var entry = Utf8(json);
        Assert.Equal(valid, Envelope.IsValidEntry(entry, out _));
        AssertSameVerdict(entry);
    }

    /// <summary>An object around a random document, canonical two times in three.</summary>
    private static string Body(RandomJson generator, Random random)
    {
        var body = "{\"v\":" + generator.Document(3) + "}";
        return random.Next(3) > 0 && Vigie.Core.Json.Jcs.TryCanonicalize(Utf8(body), out var canonical, out _)
            ? Encoding.UTF8.GetString(canonical!)
            : body;
    }

    /// <summary>
    /// Entries built as text with each field drawn from near-misses of its rule (kinds, actors,
    /// times, visibilities, commitments, bodies of every JSON type), members sometimes missing,
    /// repeated, unknown or out of order.
    /// </summary>
    private static IEnumerable<byte[]> VariedEntries(Random random)
    {
        // Half the time a field gets its first (valid) choice, so whole valid entries are common too.
        string Pick(params string[] choices) => choices[random.Next(2) == 0 ? 0 : random.Next(choices.Length)];
        var generator = new RandomJson(random);
        while (true)
        {
            var members = new List<(string Name, string Value)>
            {
                ("kind", Pick("\"evidence.recorded/v1\"", "\"a.b/v9999\"", "\"a.b/v10000\"", "\"A.b/v1\"", "\"a/v1\"", "\"a.b-/v01\"", "\"a.b\\/v1\"", "1")),
                ("time", Pick("\"2026-11-27T16:22:00.123Z\"", "\"2024-02-29T23:59:59.999Z\"", "\"2026-02-29T00:00:00.000Z\"", "\"2026-11-27T16:22:00Z\"", "\"2026-11-27 16:22:00.123Z\"", "\"0000-01-01T00:00:00.000Z\"", "null")),
                ("visibility", Pick("\"public\"", "\"internal\"", "\"confidential\"", "\"Public\"", "\"secret\"")),
            };
            if (random.Next(3) > 0)
            {
                members.Add(("actor", Pick("\"alice\"", "\"bob.smith\"", "\"0day_hunter-2\"", "\"Alice\"", "\"-x\"", "\"\"", "\"al ice\"", "null", "\"a\\u006c\"", "\"" + new string('a', 64) + "\"", "\"" + new string('a', 65) + "\"")));
            }

            if (random.Next(4) > 0)
            {
                members.Add(("body", random.Next(6) == 0 ? Pick("[]", "\"x\"", "1", "null") : Body(generator, random)));
            }

            if (random.Next(3) == 0)
            {
                members.Add(("commitment", Pick("\"sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e\"", "\"sha256:4F19620C461D8A7DBCE184D078AE5CEA8D74BDF4CB77C5B4525343A83029003E\"", "\"sha256:00\"", "{}")));
            }

            if (random.Next(20) == 0)
            {
                members.Add((Pick("extra", "Kind", "bodies", "\u00e9"), "1"));
            }

            if (random.Next(30) == 0)
            {
                members.Add(members[random.Next(members.Count)]);
            }

            if (random.Next(10) > 0)
            {
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            }

            yield return Utf8("{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{m.Value}")) + "}");
        }
    }
}
