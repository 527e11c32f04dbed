using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>Anything that is not exactly a v1 envelope is refused with a reason a person can act on.</summary>
public sealed class ConcernEnvelopeRejectionTests
{
    private static readonly string Sealed = ConcernEnvelope.Seal("concern"u8, [ConcernKeyPair.Generate().PublicKey]).ToJson();

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void TryParse_TruncatedJson_SaysTruncated(double keep)
    {
        AssertRefused(Sealed[..(int)(Sealed.Length * keep)], "truncated");
    }

    [Fact]
    public void TryParse_UnknownVersion_NamesTheVersionsItReads()
    {
        var v2 = EnvelopeJson.With(Sealed, "version", "vigie-concern-envelope/v2");

        AssertRefused(v2, "Unknown envelope version \"vigie-concern-envelope/v2\": this Vigie reads vigie-concern-envelope/v1 only.");
    }

    [Fact]
    public void TryParse_ANewerVersionWithOtherMembers_IsRefusedForItsVersion()
    {
        var v2 = JsonNode.Parse("""{"version":"vigie-concern-envelope/v2","chunks":[]}""")!.ToJsonString();

        AssertRefused(v2, "Unknown envelope version");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{}", "has no \"version\"")]
    [InlineData("""{"version":1}""", "has no \"version\"")]
    [InlineData("""{"version":"a","version":"b"}""", "not valid JSON")]
    public void TryParse_NotAnEnvelope_IsRefused(string json, string reason)
    {
        AssertRefused(json, reason);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("keyCommitment")]
    [InlineData("recipients")]
    public void TryParse_AMissingMember_IsRefused(string member)
    {
        AssertRefused(EnvelopeJson.Without(Sealed, member), $"has no \"{member}\"");
    }

    [Fact]
    public void TryParse_AnExtraMember_IsRefused()
    {
        AssertRefused(EnvelopeJson.With(Sealed, "sender", "alice"), "unexpected member \"sender\"");
        AssertRefused(EnvelopeJson.With(Sealed, "note", "x", recipient: 0), "Recipient 1 has an unexpected member \"note\"");
    }

    [Theory]
    [InlineData("keyCommitment", "AAAA", "\"keyCommitment\" is 3 bytes; vigie-concern-envelope/v1 needs 32 (truncated or damaged)")]
    [InlineData("keyCommitment", "not base64!", "\"keyCommitment\" must be canonical base64")]
    [InlineData("ciphertext", "AAAA", "\"ciphertext\" is 3 bytes; vigie-concern-envelope/v1 content is a multiple of 1024 bytes plus a 16-byte tag (truncated or damaged)")]
    [InlineData("ciphertext", "AAB=", "canonical base64")]
    public void TryParse_ABadByteString_IsRefused(string member, string value, string reason)
    {
        AssertRefused(EnvelopeJson.With(Sealed, member, value), reason);
    }

    [Theory]
    [InlineData("enc", "AAAA", "Recipient 1: \"enc\" is 3 bytes; vigie-concern-envelope/v1 needs 32")]
    [InlineData("sealedKey", "AAAA", "Recipient 1: \"sealedKey\" is 3 bytes; vigie-concern-envelope/v1 needs 48")]
    [InlineData("keyId", "0123456789ABCDEF", "\"keyId\" must be 16 lowercase hex digits")]
    [InlineData("keyId", "0123456789abcde", "\"keyId\" must be 16 lowercase hex digits")]
    public void TryParse_ABadRecipientPart_IsRefused(string member, string value, string reason)
    {
        AssertRefused(EnvelopeJson.With(Sealed, member, value, recipient: 0), reason);
    }

    [Fact]
    public void TryParse_ACiphertextCutShort_IsRefused()
    {
        var ciphertext = Convert.FromBase64String(JsonNode.Parse(Sealed)!["ciphertext"]!.GetValue<string>());

        AssertRefused(EnvelopeJson.With(Sealed, "ciphertext", Convert.ToBase64String(ciphertext[..^1])), "is 1039 bytes");
        AssertRefused(EnvelopeJson.With(Sealed, "ciphertext", Convert.ToBase64String(ciphertext[..1024])), "is 1024 bytes");
    }

    [Fact]
    public void TryParse_RecipientCountsOutsideOneToSixteen_AreRefused()
    {
        var part = JsonNode.Parse(Sealed)!["recipients"]![0]!;

        AssertRefused(EnvelopeJson.With(Sealed, "recipients", new JsonArray()), "1 to 16 recipients");
        AssertRefused(EnvelopeJson.With(Sealed, "recipients", new JsonArray(part.DeepClone(), part.DeepClone())), "appears twice");
        var seventeen = new JsonArray([.. Enumerable.Range(0, 17).Select(i => WithKeyId(part, i))]);
        AssertRefused(EnvelopeJson.With(Sealed, "recipients", seventeen), "1 to 16 recipients");
    }

    [Fact]
    public void TryParse_FromAJsonElement_ReadsTheSameEnvelope()
    {
        using var request = JsonDocument.Parse($$"""{"envelope":{{Sealed}},"about":["safety-officer"]}""");

        Assert.True(ConcernEnvelope.TryParse(request.RootElement.GetProperty("envelope"), out var envelope, out var error), error);
        Assert.Equal(Sealed, envelope.ToJson());
        Assert.False(ConcernEnvelope.TryParse(default(JsonElement), out _, out error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    private static JsonNode WithKeyId(JsonNode part, int i)
    {
        var copy = part.DeepClone().AsObject();
        copy["keyId"] = i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }

    private static void AssertRefused(string json, string reason)
    {
        Assert.False(ConcernEnvelope.TryParse(json, out var envelope, out var error));
        Assert.Null(envelope);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
