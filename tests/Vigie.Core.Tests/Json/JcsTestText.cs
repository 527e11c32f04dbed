using System.Text;
using Vigie.Core.Json;
using Xunit;

namespace Vigie.Core.Tests.Json;

/// <summary>Small helpers shared by the JCS tests.</summary>
internal static class JcsTestText
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Canonicalizes text that the test expects to be accepted, failing with the reason otherwise.</summary>
    public static string Canonical(string json)
    {
        var ok = Jcs.TryCanonicalize(Utf8(json), out var canonical, out var error);
        Assert.True(ok, $"expected {json} to canonicalize, got: {error}");
        Assert.Null(error);
        return Encoding.UTF8.GetString(canonical!);
    }

    /// <summary>Asserts rejection and returns the reason.</summary>
    public static string Rejection(ReadOnlySpan<byte> json)
    {
        var ok = Jcs.TryCanonicalize(json, out var canonical, out var error);
        Assert.False(ok);
        Assert.Null(canonical);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    public static byte[] FromHex(string spacedHex) =>
        Convert.FromHexString(string.Concat(spacedHex.Where(char.IsAsciiHexDigit)));
}
