using System.Globalization;
using System.Text;
using Vigie.Core.Json;
using Xunit;
using static Vigie.Core.Tests.Json.JcsTestText;

namespace Vigie.Core.Tests.Json;

/// <summary>
/// JcsCheck, the verifier's shortcut, against the full canonicalizer: it may say "canonical" only
/// when JcsParser accepts the input and returns the very same bytes (sound), and it does say so
/// for the canonical text of every document outside the cases it leaves to the parser (complete).
/// </summary>
public sealed class JcsCheckTests
{
    private const int Seed = 20261204;

    /// <summary>What the full path says: accepted, and already its own canonical form.</summary>
    private static bool FullPathSaysCanonical(byte[] input) =>
        Jcs.TryCanonicalize(input, out var canonical, out _) && canonical.AsSpan().SequenceEqual(input);

    [Fact]
    public void RandomDocuments_CanonicalTextIsRecognised_AndEveryOtherSpellingIsNot()
    {
        var random = new Random(Seed);
        var generator = new RandomJson(random);
        int canonicalSeen = 0, spellingsRefused = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var input = Utf8(generator.Document());
            var shortcut = JcsCheck.IsCanonical(input);
            var full = FullPathSaysCanonical(input);
            Assert.True(!shortcut || full, $"shortcut accepted what the full path does not: {Encoding.UTF8.GetString(input)}");
            if (!Jcs.TryCanonicalize(input, out var canonical, out _))
            {
                continue;
            }

            spellingsRefused += !shortcut && !full ? 1 : 0;
            canonicalSeen++;

            // Completeness: the parser's own output is recognised, and the input exactly when it equals it.
            Assert.True(JcsCheck.IsCanonical(canonical), $"canonical text not recognised: {Encoding.UTF8.GetString(canonical!)}");
            Assert.Equal(full, shortcut);
        }

        Assert.True(canonicalSeen > 10_000, $"only {canonicalSeen} documents were valid I-JSON");
        Assert.True(spellingsRefused > 1_000, $"only {spellingsRefused} non-canonical spellings were seen");
    }

    [Fact]
    public void MutatedCanonicalDocuments_AreNeverAcceptedUnlessTheFullPathAgrees()
    {
        var random = new Random(Seed + 1);
        var generator = new RandomJson(random);
        int accepted = 0, refused = 0;
        for (var i = 0; i < 30_000; i++)
        {
            if (!Jcs.TryCanonicalize(Utf8(generator.Document()), out var canonical, out _))
            {
                continue;
            }

            var input = ByteMutations.Mutate(random, canonical!);
            var shortcut = JcsCheck.IsCanonical(input);
            var full = FullPathSaysCanonical(input);
            Assert.True(!shortcut || full, $"shortcut accepted what the full path does not: {Convert.ToHexString(input)}");
            if (shortcut)
            {
                accepted++;
            }
            else if (!full)
            {
                refused++;
            }
        }

        Assert.True(accepted > 500 && refused > 10_000, $"accepted {accepted}, refused {refused}");
    }

    [Fact]
    public void Rfc8785Example_CanonicalBytesAreRecognised()
    {
        // RFC 8785 §3.2.4, the canonical bytes of the §3.2.3 example (escapes \u000f \n \" \\ included).
        var canonical = FromHex("""
            7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
            75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
            5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
            65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
            5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
            30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
            """);
        Assert.True(JcsCheck.IsCanonical(canonical));
    }

    [Theory]
    [InlineData("5e-324")]
    [InlineData("-5e-324")]
    [InlineData("1.7976931348623157e+308")]
    [InlineData("9007199254740992")]
    [InlineData("295147905179352830000")]
    [InlineData("9.999999999999997e+22")]
    [InlineData("1e+23")]
    [InlineData("999999999999999700000")]
    [InlineData("1e+21")]
    [InlineData("9.999999999999997e-7")]
    [InlineData("0.000001")]
    [InlineData("333333333.3333332")]
    [InlineData("-0.0000033333333333333333")]
    [InlineData("1424953923781206.2")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("123456789012345")]
    public void Rfc8785AppendixBNumbers_AreCanonical(string number)
    {
        // RFC 8785 Appendix B's outputs, as numbers alone and inside containers.
        Assert.True(JcsCheck.IsCanonical(Utf8(number)));
        Assert.True(JcsCheck.IsCanonical(Utf8($"[{number},{number}]")));
        Assert.True(JcsCheck.IsCanonical(Utf8($$"""{"n":{{number}}}""")));
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("1.0")]
    [InlineData("1E2")]
    [InlineData("1e2")]
    [InlineData("1e21")]
    [InlineData("1E+21")]
    [InlineData("0.10")]
    [InlineData("01")]
    [InlineData("+1")]
    [InlineData("1e400")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("9007199254740993")]
    [InlineData("1e-7x")]
    public void OtherNumberSpellings_AreNotCanonical(string number)
    {
        Assert.False(JcsCheck.IsCanonical(Utf8($"[{number}]")));
        Assert.False(FullPathSaysCanonical(Utf8($"[{number}]")));
    }

    [Theory]
    [InlineData("""{"b":1,"a":2}""")] // out of order
    [InlineData("""{"a":1,"a":2}""")] // duplicate
    [InlineData("""{"a":1, "b":2}""")] // whitespace
    [InlineData(""" {"a":1}""")]
    [InlineData("{\"a\":1}\n")]
    [InlineData("""["\u0041"]""")] // needless escape
    [InlineData("""["\/"]""")]
    [InlineData("""["\u000A"]""")] // has a short form
    [InlineData("""["\u001F"]""")] // uppercase hex
    [InlineData("""["\ud83d\ude00"]""")] // astral escaped
    [InlineData("""["\ud800"]""")] // lone surrogate
    [InlineData("[\"\t\"]")] // raw control
    [InlineData("[tru]")]
    [InlineData("[1,]")]
    [InlineData("{}{}")]
    [InlineData("")]
    public void NonCanonicalOrInvalidText_IsNotCanonical(string json)
    {
        var input = Utf8(json);
        Assert.False(JcsCheck.IsCanonical(input));
        Assert.False(FullPathSaysCanonical(input));
    }

    [Theory]
    [InlineData("""["\u001f","\b","\t","\n","\f","\r","\"","\\","\u0000","\u000b"]""")]
    [InlineData("""{"":0,"a":1,"aa":2,"b":[]}""")]
    [InlineData("""{"é":1,"€":2}""")]
    [InlineData("""{"\n":1,"\"":2,"\\":3,"a":4}""")]
    [InlineData("""{"\u0000":1,"\b":2,"\u001f":3,"\"":4}""")]
    [InlineData("[\"\u007f\u2028😀\"]")]
    [InlineData("""[true,false,null,{},[],""]""")]
    public void CanonicalText_IsRecognised(string json)
    {
        var input = Utf8(json);
        Assert.True(FullPathSaysCanonical(input), "test data must be canonical");
        Assert.True(JcsCheck.IsCanonical(input));
    }

    [Fact]
    public void MemberOrder_IsUtf16CodeUnitOrder_NotUtf8ByteOrder()
    {
        // RFC 8785 §3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+E000 in UTF-16, after it in UTF-8.
        var utf16Order = Utf8("{\"😀\":1,\"\uE000\":2}");
        var byteOrder = Utf8("{\"\uE000\":2,\"😀\":1}");
        Assert.True(FullPathSaysCanonical(utf16Order));
        Assert.True(JcsCheck.IsCanonical(utf16Order));
        Assert.False(FullPathSaysCanonical(byteOrder));
        Assert.False(JcsCheck.IsCanonical(byteOrder));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void DeepNesting_IsOnlyAcceptedWhereTheParserAcceptsIt(int depth)
    {
        foreach (var (open, close) in new[] { ("[", "]"), ("{\"a\":", "}") })
        {
            var input = Utf8(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
            var shortcut = JcsCheck.IsCanonical(input);
            Assert.True(!shortcut || FullPathSaysCanonical(input), $"depth {depth} {open}");
            Assert.Equal(depth < JcsParser.MaxDepth, shortcut);
        }
    }

    [Fact]
    public void TopLevelMembers_AreReportedWithTheirOffsets()
    {
        var input = Utf8("""{"a":[1,{"x":2}],"bb":"c\"d","e":null}""");
        Span<JcsCheck.Member> members = stackalloc JcsCheck.Member[2];
        Assert.True(JcsCheck.IsCanonical(input, members, out var count));
        Assert.Equal(3, count); // all three counted, the first two recorded
        Assert.Equal("\"a\"", Encoding.UTF8.GetString(input, members[0].NameStart, members[0].NameLength));
        Assert.Equal("[1,{\"x\":2}]", Encoding.UTF8.GetString(input, members[0].ValueStart, members[0].ValueLength));
        Assert.Equal("\"bb\"", Encoding.UTF8.GetString(input, members[1].NameStart, members[1].NameLength));
        Assert.Equal("\"c\\\"d\"", Encoding.UTF8.GetString(input, members[1].ValueStart, members[1].ValueLength));
    }

    [Fact]
    public void EveryRfc8785NumberInTheV8Vectors_IsCanonical()
    {
        // The same outside answers JcsNumberV8Tests checks the serializer with: V8's text for each value.
        foreach (var text in JcsNumberV8Tests.ExpectedTexts())
        {
            Assert.True(JcsCheck.IsCanonical(Utf8(text)), text);
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        }
    }
}
