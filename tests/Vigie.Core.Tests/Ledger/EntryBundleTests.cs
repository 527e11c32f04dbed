using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Ledger;

public sealed class EntryBundleTests
{
    [Fact]
    public void Encode_PrefixesEachEntryWithBigEndianUint16Length()
    {
        var bundle = EntryBundle.Encode([[0xAA], [], new byte[0x0102]]);
        Assert.Equal([0x00, 0x01, 0xAA, 0x00, 0x00, 0x01, 0x02], bundle[..7]);
        Assert.Equal(7 + 0x0102, bundle.Length);
    }

    [Fact]
    public void EncodeThenDecode_RoundTrips_IncludingEmptyAndMaximalEntries()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(0, 256).Select(i => RandomBytes(random, i switch
        {
            0 => 0,
            1 => EntryBundle.MaxEntrySize,
            _ => random.Next(0, 300),
        })).ToList();

        Assert.True(EntryBundle.TryDecode(EntryBundle.Encode(entries), out var decoded, out var error), error);
        Assert.Null(error);
        Assert.Equal(entries, decoded);
    }

    [Fact]
    public void TryDecode_RejectsEveryTruncation()
    {
        var bundle = EntryBundle.Encode([[1, 2, 3], [4, 5], [6]]);
        var boundaries = new HashSet<int> { 5, 9, 12 }; // cuts after whole entries are valid, shorter bundles
        for (var length = 0; length < bundle.Length; length++)
        {
            var ok = EntryBundle.TryDecode(bundle.AsSpan(0, length), out var entries, out var error);
            Assert.Equal(boundaries.Contains(length), ok);
            if (!ok)
            {
                Assert.Empty(entries);
                Assert.False(string.IsNullOrEmpty(error));
            }
        }

        Assert.False(EntryBundle.TryDecode([0x00, 0x05, 1, 2], out _, out var truncated));
        Assert.Contains("truncated", truncated);
    }

    [Fact]
    public void TryDecode_RejectsEmptyBundlesAndMoreThan256Entries()
    {
        Assert.False(EntryBundle.TryDecode([], out _, out var empty));
        Assert.Contains("empty", empty);
        var tooMany = new byte[257 * 2]; // 257 empty entries
        Assert.False(EntryBundle.TryDecode(tooMany, out _, out var many));
        Assert.Contains("256", many);
    }

    [Fact]
    public void Encode_Throws_ForOversizedEntriesAndBadCounts()
    {
        Assert.Throws<ArgumentException>(() => EntryBundle.Encode([new byte[EntryBundle.MaxEntrySize + 1]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntryBundle.Encode([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntryBundle.Encode(Enumerable.Repeat(Array.Empty<byte>(), 257).ToList()));
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void TryDecodeRanges_FindsTheSameEntriesAndTheSameErrorsAsTheCopyingDecoder()
    {
        var random = new Random(11);
        var entries = Enumerable.Range(0, 256).Select(i => RandomBytes(random, random.Next(0, 40))).ToList();
        var bundle = EntryBundle.Encode(entries);
        Span<Range> ranges = new Range[TilePath.FullWidth];
        for (var length = 0; length <= bundle.Length; length += 1 + random.Next(7))
        {
            var copied = EntryBundle.TryDecode(bundle.AsSpan(0, length), out var decoded, out var copyError);
            var found = EntryBundle.TryDecode(bundle.AsSpan(0, length), ranges, out var count, out var rangeError);
            Assert.Equal(copied, found);
            Assert.Equal(copyError, rangeError);
            Assert.Equal(decoded.Count, count);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(decoded[i], bundle.AsSpan(0, length)[ranges[i]].ToArray());
            }
        }

        var tooMany = new byte[257 * 2];
        Assert.False(EntryBundle.TryDecode(tooMany, ranges, out var none, out var many));
        Assert.Equal(0, none);
        Assert.Contains("256", many);
    }
}
