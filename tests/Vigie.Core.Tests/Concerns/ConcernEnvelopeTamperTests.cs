using System.Text;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>An envelope altered after sealing never opens, and says it was altered.</summary>
public sealed class ConcernEnvelopeTamperTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("The dangerous-capability evaluation was not run.");
    private static readonly ConcernKeyPair Recipient = ConcernKeyPair.Generate();
    private static readonly ConcernKeyPair Other = ConcernKeyPair.Generate();
    private static readonly string Sealed = ConcernEnvelope.Seal(Content, [Recipient.PublicKey, Other.PublicKey]).ToJson();

    [Theory]
    [InlineData("ciphertext", 0, null)]
    [InlineData("ciphertext", -1, null)]
    [InlineData("keyCommitment", 7, null)]
    [InlineData("enc", 3, 0)]
    [InlineData("sealedKey", 0, 0)]
    [InlineData("sealedKey", -1, 0)]
    public void Open_AnAlteredByte_IsRefusedAsTampered(string member, int index, int? recipient)
    {
        var altered = Parse(EnvelopeJson.FlipByte(Sealed, member, index, recipient));

        var result = altered.Open(Recipient);

        Assert.False(result.IsOpened);
        Assert.Equal(ConcernOpenError.Tampered, result.Error);
        Assert.Null(result.Content);
        Assert.Contains("altered or damaged", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AnotherRecipientsPartAltered_StillOpensForThisRecipient()
    {
        var altered = Parse(EnvelopeJson.FlipByte(Sealed, "sealedKey", 4, recipient: 1));

        Assert.Equal(Content, altered.Open(Recipient).Content);
        Assert.Equal(ConcernOpenError.Tampered, altered.Open(Other).Error);
    }

    [Fact]
    public void Open_ARecipientPartMovedFromAnotherEnvelope_IsRefused()
    {
        var other = ConcernEnvelope.Seal(Content, [Recipient.PublicKey]).ToJson();
        var otherPart = System.Text.Json.Nodes.JsonNode.Parse(other)!["recipients"]![0]!;
        var spliced = Parse(EnvelopeJson.With(Sealed, "recipients",
            new System.Text.Json.Nodes.JsonArray(otherPart.DeepClone())));

        Assert.Equal(ConcernOpenError.Tampered, spliced.Open(Recipient).Error);
    }

    [Fact]
    public void Open_ASecretThatDoesNotMatchTheKeyCommitment_IsRefused()
    {
        // A dishonest sender seals one secret to one recipient and another to the other, over the
        // same ciphertext; the HPKE part authenticates, so only the key commitment catches it.
        var envelope = ConcernEnvelope.Seal(Content, [Recipient.PublicKey]);
        var otherSecret = RandomSecret();
        var sealedOther = Hpke.Seal(Recipient.PublicKey, ConcernEnvelope.HpkeInfo, envelope.KeyCommitment, otherSecret);
        var forged = new ConcernEnvelope(
            [new ConcernEnvelopeSlot(Recipient.PublicKey.KeyId, sealedOther.Enc, sealedOther.Ciphertext)],
            envelope.KeyCommitment.ToArray(), envelope.Ciphertext.ToArray());

        var result = Parse(forged.ToJson()).Open(Recipient);

        Assert.Equal(ConcernOpenError.Tampered, result.Error);
        Assert.Contains("key commitment", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    public void Open_ContentWithoutItsPaddingMarker_IsRefused(byte last)
    {
        // Authentic AES-GCM over bytes that do not end in 0x80 0x00…: only a broken or hostile sender makes these.
        var secret = RandomSecret();
        var badlyPadded = new byte[1024];
        badlyPadded[^1] = last;
        var commitment = ContentKeys.Commitment(secret);
        var sealedSecret = Hpke.Seal(Recipient.PublicKey, ConcernEnvelope.HpkeInfo, commitment, secret);
        var envelope = new ConcernEnvelope(
            [new ConcernEnvelopeSlot(Recipient.PublicKey.KeyId, sealedSecret.Enc, sealedSecret.Ciphertext)],
            commitment, ContentKeys.EncryptPadded(secret, badlyPadded));

        var result = Parse(envelope.ToJson()).Open(Recipient);

        Assert.Equal(ConcernOpenError.Tampered, result.Error);
        Assert.Contains("padding", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AKeyIdPointedAtAnotherKey_IsNotARecipient()
    {
        var altered = Parse(EnvelopeJson.With(Sealed, "keyId", "0123456789abcdef", recipient: 0));

        Assert.Equal(ConcernOpenError.NotARecipient, altered.Open(Recipient).Error);
    }

    private static ConcernEnvelope Parse(string json)
    {
        Assert.True(ConcernEnvelope.TryParse(json, out var envelope, out var error), error);
        return envelope;
    }

    private static byte[] RandomSecret() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
}
