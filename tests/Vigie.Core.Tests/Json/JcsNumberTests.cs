using System.Globalization;
using Vigie.Core.Json;
using Xunit;
using static Vigie.Core.Tests.Json.JcsTestText;

namespace Vigie.Core.Tests.Json;

/// <summary>
/// Number serialization (RFC 8785 §3.2.2.3, ECMAScript Number::toString), checked against the
/// RFC's own table of IEEE-754 bit patterns (Appendix B) and the sample lines published with
/// the reference test file (cyberphone/json-canonicalization, testdata/README.md).
/// </summary>
public sealed class JcsNumberTests
{
    private static double FromBits(string hex) =>
        BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0000000000000000", "0")] // Zero
    [InlineData("8000000000000000", "0")] // Minus zero
    [InlineData("0000000000000001", "5e-324")] // Min pos number
    [InlineData("8000000000000001", "-5e-324")] // Min neg number
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")] // Max pos number
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")] // Max neg number
    [InlineData("4340000000000000", "9007199254740992")] // Max pos int
    [InlineData("c340000000000000", "-9007199254740992")] // Max neg int
    [InlineData("4430000000000000", "295147905179352830000")] // ~2**68
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")] // Round to even
    [InlineData("4340000000000001", "9007199254740994")] // reference test file sample
    [InlineData("4340000000000002", "9007199254740996")] // reference test file sample
    public void SerializeNumber_MatchesRfc8785AppendixB(string ieee754Hex, string expected)
    {
        Assert.Equal(expected, Jcs.SerializeNumber(FromBits(ieee754Hex)));
    }

    [Theory]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void TryCanonicalize_RewritesNumberText_AsAppendixB(string ieee754Hex, string expected)
    {
        // The same values entered as JSON text in .NET's own (different) spelling, e.g. "1E+21".
        var text = FromBits(ieee754Hex).ToString("E16", CultureInfo.InvariantCulture);
        Assert.Equal($"[{expected}]", Canonical($"[{text}]"));
    }

    [Theory]
    [InlineData("7fffffffffffffff")] // NaN
    [InlineData("7ff0000000000000")] // Infinity
    [InlineData("fff0000000000000")] // -Infinity
    public void SerializeNumber_Throws_ForValuesAppendixBMarksAsErrors(string ieee754Hex)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Jcs.SerializeNumber(FromBits(ieee754Hex)));
    }

    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e5", "0")]
    [InlineData("100", "100")]
    [InlineData("1E2", "100")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("123456789012345678901234", "1.2345678901234569e+23")]
    [InlineData("4.50", "4.5")]
    [InlineData("-12.5e-1", "-1.25")]
    [InlineData("9007199254740993", "9007199254740992")] // I-JSON: the nearest double is what counts
    [InlineData("1e-400", "0")] // underflows to a finite double (zero)
    public void TryCanonicalize_FormatsNumbers_LikeEcmaScript(string input, string expected)
    {
        Assert.Equal($"[{expected}]", Canonical($"[{input}]"));
    }
}
