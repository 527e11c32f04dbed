using System.Text.Json;
using System.Text;
using Vigie.Core.Json;
using Xunit;
using static Vigie.Core.Tests.Json.JcsTestText;

namespace Vigie.Core.Tests.Json;

/// <summary>Known answers taken from RFC 8785 itself.</summary>
public sealed class JcsRfcExampleTests
{
    // RFC 8785 §3.2.3, the input of the canonicalization example.
    private const string Section323Input = """
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """;

    // RFC 8785 §3.2.4: the UTF-8 bytes of the canonical form of the example above.
    private const string Section324Hex = """
        7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
        75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
        5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
        65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
        5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
        30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
        """;

    [Fact]
    public void TryCanonicalize_ProducesRfcBytes_ForSection323Example()
    {
        Assert.True(Jcs.TryCanonicalize(Utf8(Section323Input), out var canonical, out var error), error);
        Assert.Equal(FromHex(Section324Hex), canonical);
    }

    [Fact]
    public void TryCanonicalize_ProducesRfcText_ForSection323Example()
    {
        // The same answer as printed text in §3.2.3, which is easier to read when it fails.
        const string expected = """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";
        Assert.Equal(expected, Canonical(Section323Input));
    }

    [Fact]
    public void Canonicalize_AgreesWithTryCanonicalize_ForParsedElement()
    {
        using var document = JsonDocument.Parse(Section323Input);
        Assert.Equal(FromHex(Section324Hex), Jcs.Canonicalize(document.RootElement));
    }

    [Fact]
    public void TryCanonicalize_SortsKeysByUtf16CodeUnits_AsInRfcSortingExample()
    {
        // RFC 8785 §3.2.3, "Sorting of Object Properties".
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var canonical = Canonical(input);

        // The RFC lists the values in this order after sorting. Note U+1F600 (surrogates D83D DE00)
        // sorts before U+FB33 because comparison is by UTF-16 code unit, not by code point.
        string[] expectedOrder =
        [
            "Carriage Return",
            "One",
            "Control",
            "Latin Small Letter O With Diaeresis",
            "Euro Sign",
            "Emoji: Grinning Face",
            "Hebrew Letter Dalet With Dagesh",
        ];
        using var document = JsonDocument.Parse(canonical);
        Assert.Equal(expectedOrder, document.RootElement.EnumerateObject().Select(p => p.Value.GetString()));
        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            canonical);
    }

    [Fact]
    public void TryCanonicalize_GivesIdenticalBytes_ForWhitespaceAndOrderVariations()
    {
        string[] variants =
        [
            """{"b":[1,2,{"y":true,"x":null}],"a":"\u0041"}""",
            """{ "a" : "A" , "b" : [ 1 , 2 , { "x" : null , "y" : true } ] }""",
            "\r\n\t{\n\t\"b\": [1.0, 2e0, {\"x\": null, \"y\": true}],\n\t\"a\": \"\\u0041\"\n}\n",
            """{"a":"A","b":[10E-1,0.2e1,{"y":true,"x":null}]}""",
        ];

        var results = variants.Select(Canonical).ToList();

        Assert.All(results, r => Assert.Equal("""{"a":"A","b":[1,2,{"x":null,"y":true}]}""", r));
    }

    [Theory]
    [InlineData("\"\\u0008\\u0009\\u000a\\u000c\\u000d\"", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\"\\u0000\\u001F\\u0001\"", "\"\\u0000\\u001f\\u0001\"")]
    [InlineData("\"\\/\\u007f\\u00e9\"", "\"/\u007f\u00e9\"")]
    [InlineData("\"\\\"\\\\\"", "\"\\\"\\\\\"")]
    [InlineData("\"\\uD83D\\uDE00\"", "\"\ud83d\ude00\"")]
    public void TryCanonicalize_EscapesStrings_PerSection3222(string input, string expected)
    {
        // §3.2.2.2: only " \ and controls are escaped; controls with a short form use it,
        // the rest use lowercase \u00xx; '/' , DEL and non-ASCII are written as is (UTF-8).
        Assert.Equal(expected, Canonical(input));
    }

    [Fact]
    public void TryCanonicalize_WritesNonAsciiAsUtf8()
    {
        Assert.True(Jcs.TryCanonicalize(Utf8("[\"\\u20ac\"]"), out var canonical, out _));
        Assert.Equal(new byte[] { 0x5b, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x5d }, canonical);
    }

    [Fact]
    public void TryCanonicalize_IsAFixedPoint_OnItsOwnOutput()
    {
        var once = Canonical(Section323Input);
        Assert.Equal(once, Canonical(once));
        Assert.Equal(Encoding.UTF8.GetBytes(once), FromHex(Section324Hex));
    }
}
