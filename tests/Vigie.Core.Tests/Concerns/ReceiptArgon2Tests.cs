using System.Text;
using System.Text.Json;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>Argon2id known answers from libsodium's test suite (Vectors/argon2id-libsodium.json).</summary>
public sealed class ReceiptArgon2Tests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "argon2id-libsodium.json"))).RootElement;

    public static TheoryData<int> RawVectors => new(Vectors.GetProperty("raw").EnumerateArray().Select(v => v.GetProperty("tv").GetInt32()));

    public static TheoryData<int> PhcVectors => new(Vectors.GetProperty("phc").EnumerateArray().Select(v => v.GetProperty("tv3").GetInt32()));

    [Theory]
    [MemberData(nameof(RawVectors))]
    public void Derive_GivesLibsodiumsOutput(int tv)
    {
        var v = Vectors.GetProperty("raw").EnumerateArray().Single(e => e.GetProperty("tv").GetInt32() == tv);
        var expected = Convert.FromHexString(v.GetProperty("output").GetString()!);

        var output = ReceiptArgon2.Derive(
            Convert.FromHexString(v.GetProperty("password").GetString()!),
            Convert.FromHexString(v.GetProperty("salt").GetString()!),
            v.GetProperty("memoryKiB").GetInt32(), v.GetProperty("passes").GetInt32(), expected.Length);

        Assert.Equal(expected, output);
    }

    [Theory]
    [MemberData(nameof(PhcVectors))]
    public void StoredHash_ReadsAndVerifiesAsLibsodiumDoes(int tv3)
    {
        var v = Vectors.GetProperty("phc").EnumerateArray().Single(e => e.GetProperty("tv3").GetInt32() == tv3);
        var password = Encoding.UTF8.GetBytes(v.GetProperty("password").GetString()!);

        var stored = v.GetProperty("hash").GetString();

        if (v.GetProperty("verifies").ValueKind == JsonValueKind.Null)
        {
            Assert.False(ConcernReceiptHash.TryParse(stored, out _, out var refusal));
            Assert.Contains("t=1..64 and p=1", refusal, StringComparison.Ordinal);
            return;
        }

        Assert.True(ConcernReceiptHash.TryParse(stored, out var hash, out var error), error);
        Assert.Equal(v.GetProperty("hash").GetString(), hash.Encoded);
        Assert.Equal(v.GetProperty("verifies").GetBoolean(), hash.VerifyPassword(password));
    }
}
