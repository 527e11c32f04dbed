using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Envelopes;

/// <summary>
/// The field rules are written once, on bytes, for the verifier; here they are held to the
/// patterns DESIGN.md states (as .NET regular expressions) and to .NET's own exact time parser,
/// over every short string of a small alphabet and many random longer ones.
/// </summary>
public sealed class EnvelopeFormatPatternTests
{
    private static readonly Regex KindPattern = new(@"\A[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+/v[1-9][0-9]{0,3}\z", RegexOptions.CultureInvariant);
    private static readonly Regex ActorPattern = new(@"\A[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant);

    [Fact]
    public void IsValidKind_MatchesThePattern_OnEveryShortStringAndRandomLongOnes()
    {
        var matched = 0;
        foreach (var kind in Strings("ab0-./v9", 6).Concat(RandomStrings("ab0-./v19Z_\n é", 40_000, 12, 101)))
        {
            var expected = kind.Length <= 100 && KindPattern.IsMatch(kind);
            Assert.True(expected == Envelope.IsValidKind(kind), $"kind \"{kind}\": pattern says {expected}");
            Assert.True(expected == EnvelopeFormat.IsValidKind(Encoding.UTF8.GetBytes(kind)), $"kind bytes \"{kind}\"");
            matched += expected ? 1 : 0;
        }

        Assert.True(matched > 100, $"only {matched} valid kinds were generated");
    }

    [Fact]
    public void IsValidActor_MatchesThePattern_OnEveryShortStringAndRandomLongOnes()
    {
        var matched = 0;
        foreach (var actor in Strings("a0._-A ", 6).Concat(RandomStrings("az09._-A é\n", 20_000, 60, 70)))
        {
            var expected = ActorPattern.IsMatch(actor);
            Assert.True(expected == Envelope.IsValidActor(actor), $"actor \"{actor}\": pattern says {expected}");
            Assert.True(expected == EnvelopeFormat.IsValidActor(Encoding.UTF8.GetBytes(actor)), $"actor bytes \"{actor}\"");
            matched += expected ? 1 : 0;
        }

        Assert.True(matched > 1_000, $"only {matched} valid actors were generated");
    }

    [Fact]
    public void TryParseTimeExact_AcceptsExactlyWhatDotNetsExactParserReadsBackToTheSameText()
    {
        var random = new Random(20261204);
        var accepted = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var text = TimeLike(random);
            var reference = DateTimeOffset.TryParseExact(text, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expected)
                && LedgerTime.Format(expected) == text;
            Assert.True(reference == EnvelopeFormat.TryParseTimeExact(text, out var parsed), $"time \"{text}\": reference says {reference}");
            Assert.True(reference == EnvelopeFormat.TryParseTimeExact(Encoding.UTF8.GetBytes(text), out var parsedBytes), $"time bytes \"{text}\"");
            if (reference)
            {
                Assert.Equal(expected, parsed);
                Assert.Equal(expected, parsedBytes);
                accepted++;
            }
        }

        Assert.True(accepted > 5_000, $"only {accepted} valid times were generated");
    }

    [Theory]
    [InlineData("sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e", true)]
    [InlineData("sha256:4F19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e", false)]
    [InlineData("sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003", false)]
    [InlineData("sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e0", false)]
    [InlineData("sha512:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e", false)]
    [InlineData("sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003g", false)]
    [InlineData("sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003é", false)]
    public void Commitment_IsSha256AndLowercaseHex(string text, bool valid)
    {
        Assert.Equal(valid, EnvelopeFormat.TryParseCommitment(text, out var parsed));
        Assert.Equal(valid, EnvelopeFormat.IsValidCommitment(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(valid, parsed is { Length: 32 });
    }

    [Theory]
    [InlineData("public", true)]
    [InlineData("internal", true)]
    [InlineData("confidential", true)]
    [InlineData("Public", false)]
    [InlineData("0", false)]
    [InlineData("public ", false)]
    [InlineData("", false)]
    public void Visibility_IsOneOfThreeExactNames(string text, bool valid)
    {
        Assert.Equal(valid, EnvelopeFormat.TryParseVisibility(text, out _));
        Assert.Equal(valid, EnvelopeFormat.TryParseVisibility(Encoding.UTF8.GetBytes(text), out _));
    }

    /// <summary>Every string over <paramref name="alphabet"/> up to <paramref name="maxLength"/> characters.</summary>
    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        var level = new List<string> { "" };
        yield return "";
        for (var length = 1; length <= maxLength; length++)
        {
            var next = new List<string>(level.Count * alphabet.Length);
            foreach (var prefix in level)
            {
                foreach (var c in alphabet)
                {
                    var s = prefix + c;
                    next.Add(s);
                    yield return s;
                }
            }

            level = next;
        }
    }

    /// <summary>Random strings that mostly look like the pattern: segments and separators, some stray characters.</summary>
    private static IEnumerable<string> RandomStrings(string alphabet, int count, int typicalLength, int maxLength)
    {
        var random = new Random(typicalLength * 7919);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(4) == 0 ? random.Next(maxLength + 1) : random.Next(typicalLength);
            var text = new StringBuilder();
            for (var j = 0; j < length; j++)
            {
                text.Append(random.Next(3) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('a' + random.Next(26)));
            }

            // Make a good share end like a kind does.
            if (random.Next(2) == 0)
            {
                text.Append("/v").Append(random.Next(0, 12000).ToString(CultureInfo.InvariantCulture));
            }

            yield return text.ToString();
        }
    }

    /// <summary>Times in the exact layout with random (often out-of-range) fields, and mangled ones.</summary>
    private static string TimeLike(Random random)
    {
        string D(int max, int width) => random.Next(max).ToString(new string('0', width), CultureInfo.InvariantCulture);
        var text = $"{D(random.Next(2) == 0 ? 3000 : 10000, 4)}-{D(14, 2)}-{D(33, 2)}T{D(25, 2)}:{D(61, 2)}:{D(61, 2)}.{D(1000, 3)}Z";
        if (random.Next(8) == 0)
        {
            var chars = text.ToCharArray();
            chars[random.Next(chars.Length)] = "0x-:T.Z 9a"[random.Next(10)];
            text = new string(chars);
        }

        return random.Next(50) == 0 ? text + "Z" : random.Next(50) == 0 ? text[1..] : text;
    }
}
