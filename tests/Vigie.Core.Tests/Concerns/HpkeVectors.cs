using System.Text.Json;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>RFC 9180 Appendix A values (tests/…/Vectors/hpke-rfc9180.json).</summary>
internal static class HpkeVectors
{
    private static readonly Lazy<JsonElement> Json = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "hpke-rfc9180.json"))).RootElement);

    /// <summary>The vector names with a full X25519 key pair each: A.1.1 and A.2.1.</summary>
    public static TheoryData<string> KemSuites => new("a11", "a21");

    /// <summary>A hex value of a vector, e.g. Hex("a11", "skRm").</summary>
    public static byte[] Hex(string vector, string name) => Convert.FromHexString(Json.Value.GetProperty(vector).GetProperty(name).GetString()!);

    /// <summary>A hex value of A.1.1's encryption with sequence number 0.</summary>
    public static byte[] Seq0(string name) => Convert.FromHexString(Json.Value.GetProperty("a11").GetProperty("seq0").GetProperty(name).GetString()!);
}
