using System.Text.Json;
using System.Text;
using Xunit;

namespace Vigie.Core.Tests.Envelopes;

/// <summary>Fixed inputs shared by the envelope tests.</summary>
internal static class EnvelopeTestData
{
    public static readonly DateTimeOffset Time = new(2026, 11, 27, 16, 22, 0, 123, TimeSpan.Zero);

    /// <summary>Salt 00 01 02 … 1f.</summary>
    public static byte[] CountingSalt() => [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    /// <summary>Body {"a":1} spelled non-canonically, to show it is canonicalized before hashing.</summary>
    public static JsonElement SmallBody() => Parse("""{ "a" : 1.0 }""");

    // SHA-256(00 01 … 1f ‖ '{"a":1}'), computed with coreutils sha256sum, not with Vigie:
    // python3 -c "import sys; sys.stdout.buffer.write(bytes(range(32)) + b'{\"a\":1}')" | sha256sum
    public const string SmallBodyCommitmentHex = "4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e";

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
