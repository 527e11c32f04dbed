using System.Text.Json;
using System.Text;
using Vigie.Core.Json;
using Xunit;
using static Vigie.Core.Tests.Json.JcsTestText;

namespace Vigie.Core.Tests.Json;

/// <summary>Input outside I-JSON (RFC 8785 §3.1, RFC 7493) is refused with a reason, never an exception.</summary>
public sealed class JcsRejectionTests
{
    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1,"\u0061":2}""")]
    [InlineData("""{"x":{"b":true,"c":0,"b":false}}""")]
    [InlineData("""[{"k":1},{"k":1,"k":1}]""")]
    public void TryCanonicalize_RejectsDuplicateKeys(string json)
    {
        Assert.Contains("duplicate", Rejection(Utf8(json)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"a":1,}""")]
    [InlineData("[1,]")]
    [InlineData("{'a':1}")]
    [InlineData("""{"a":1} // comment""")]
    [InlineData("""{"a":01}""")]
    [InlineData("[NaN]")]
    [InlineData("[Infinity]")]
    [InlineData("[.5]")]
    [InlineData("[1 2]")]
    [InlineData("[] []")]
    [InlineData("""["\x"]""")]
    [InlineData("[\"tab\tinside\"]")]
    [InlineData("[tru]")]
    public void TryCanonicalize_RejectsInvalidJson(string json)
    {
        Rejection(Utf8(json));
    }

    [Theory]
    [InlineData("[1e400]")]
    [InlineData("[-1e400]")]
    [InlineData("""{"n":1.8e308}""")]
    public void TryCanonicalize_RejectsNumbersBeyondDoubleRange(string json)
    {
        Assert.Contains("finite", Rejection(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["\ud800"]""")]
    [InlineData("""["\udc00"]""")]
    [InlineData("""["\ude00\ud83d"]""")]
    [InlineData("""{"\ud83dx":1}""")]
    public void TryCanonicalize_RejectsLoneSurrogates(string json)
    {
        Assert.Contains("surrogate", Rejection(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x5b, 0x22, 0xff, 0x22, 0x5d })] // 0xFF never occurs in UTF-8
    [InlineData(new byte[] { 0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d })] // encoded surrogate (CESU-8)
    [InlineData(new byte[] { 0x5b, 0x22, 0xc0, 0xaf, 0x22, 0x5d })] // overlong '/'
    [InlineData(new byte[] { 0x5b, 0x22, 0xe2, 0x82, 0x22, 0x5d })] // truncated sequence
    public void TryCanonicalize_RejectsInvalidUtf8(byte[] json)
    {
        Assert.Contains("UTF-8", Rejection(json), StringComparison.Ordinal);
    }

    [Fact]
    public void TryCanonicalize_AcceptsNestingOf64_AndRejects65()
    {
        static byte[] Nested(int depth) => Utf8(new string('[', depth) + new string(']', depth));

        Assert.True(Jcs.TryCanonicalize(Nested(64), out var canonical, out _));
        Assert.Equal(Nested(64), canonical);
        Assert.Contains("depth", Rejection(Nested(65)), StringComparison.Ordinal);
        Rejection(Nested(10_000));
    }

    [Fact]
    public void TryCanonicalize_RejectsDeepObjects()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 65)) + "1" + new string('}', 65);
        Rejection(Utf8(json));
    }

    [Fact]
    public void Canonicalize_Throws_ForElementWithDuplicateKeys()
    {
        // JsonDocument accepts duplicates by default; Canonicalize must not silently pick one.
        using var document = JsonDocument.Parse("""{"a":1,"a":2}""");
        var thrown = Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(document.RootElement));
        Assert.Contains("duplicate", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_Throws_ForElementWithOverflowingNumber()
    {
        using var document = JsonDocument.Parse("[1e400]");
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Canonicalize_CanonicalizesANestedElement()
    {
        using var document = JsonDocument.Parse("""{"outer": {"z": 1.50, "a": [ "x" ]}}""");
        var inner = document.RootElement.GetProperty("outer");
        Assert.Equal("""{"a":["x"],"z":1.5}""", Encoding.UTF8.GetString(Jcs.Canonicalize(inner)));
    }
}
