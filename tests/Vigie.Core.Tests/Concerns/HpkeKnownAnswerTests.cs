using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>RFC 9180 Appendix A: every intermediate value of the suite Vigie uses.</summary>
public sealed class HpkeKnownAnswerTests
{
    [Theory]
    [MemberData(nameof(HpkeVectors.KemSuites), MemberType = typeof(HpkeVectors))]
    public void DeriveKeyPair_GivesTheRfcKeys(string vector)
    {
        Assert.Equal(HpkeVectors.Hex(vector, "skEm"), DhKemX25519.DeriveKeyPair(HpkeVectors.Hex(vector, "ikmE")));
        Assert.Equal(HpkeVectors.Hex(vector, "skRm"), DhKemX25519.DeriveKeyPair(HpkeVectors.Hex(vector, "ikmR")));
        Assert.Equal(HpkeVectors.Hex(vector, "pkEm"), DhKemX25519.PublicKeyOf(HpkeVectors.Hex(vector, "skEm")));
        Assert.Equal(HpkeVectors.Hex(vector, "pkRm"), DhKemX25519.PublicKeyOf(HpkeVectors.Hex(vector, "skRm")));
    }

    [Theory]
    [MemberData(nameof(HpkeVectors.KemSuites), MemberType = typeof(HpkeVectors))]
    public void Encap_WithTheRfcEphemeralKey_GivesTheRfcEncAndSharedSecret(string vector)
    {
        var (sharedSecret, enc) = DhKemX25519.Encap(HpkeVectors.Hex(vector, "pkRm"), HpkeVectors.Hex(vector, "skEm"))!.Value;

        Assert.Equal(HpkeVectors.Hex(vector, "enc"), enc);
        Assert.Equal(HpkeVectors.Hex(vector, "shared_secret"), sharedSecret);
    }

    [Theory]
    [MemberData(nameof(HpkeVectors.KemSuites), MemberType = typeof(HpkeVectors))]
    public void Decap_GivesTheRfcSharedSecret(string vector)
    {
        var sharedSecret = DhKemX25519.Decap(HpkeVectors.Hex(vector, "enc"), HpkeVectors.Hex(vector, "skRm"));

        Assert.Equal(HpkeVectors.Hex(vector, "shared_secret"), sharedSecret);
    }

    [Fact]
    public void KeySchedule_GivesTheRfcContextSecretKeyAndNonce()
    {
        var info = HpkeVectors.Hex("a11", "info");
        var sharedSecret = HpkeVectors.Hex("a11", "shared_secret");

        var (key, baseNonce) = HpkeKeySchedule.Derive(sharedSecret, info);

        Assert.Equal(HpkeVectors.Hex("a11", "key_schedule_context"), HpkeKeySchedule.Context(info));
        Assert.Equal(HpkeVectors.Hex("a11", "secret"), HpkeKeySchedule.Secret(sharedSecret));
        Assert.Equal(HpkeVectors.Hex("a11", "key"), key);
        Assert.Equal(HpkeVectors.Hex("a11", "base_nonce"), baseNonce);
        Assert.Equal(HpkeVectors.Seq0("nonce"), baseNonce);
    }

    [Fact]
    public void Seal_WithTheRfcEphemeralKey_GivesTheRfcCiphertext()
    {
        var sealedMessage = Hpke.Seal(
            HpkeVectors.Hex("a11", "pkRm"), HpkeVectors.Hex("a11", "skEm"),
            HpkeVectors.Hex("a11", "info"), HpkeVectors.Seq0("aad"), HpkeVectors.Seq0("pt"));

        Assert.Equal(HpkeVectors.Hex("a11", "enc"), sealedMessage.Enc);
        Assert.Equal(HpkeVectors.Seq0("ct"), sealedMessage.Ciphertext);
    }

    [Fact]
    public void TryOpen_TheRfcCiphertext_GivesTheRfcPlaintext()
    {
        var recipient = ConcernKeyPair.FromPrivate(HpkeVectors.Hex("a11", "skRm"));

        var opened = Hpke.TryOpen(recipient, HpkeVectors.Hex("a11", "enc"), HpkeVectors.Hex("a11", "info"),
            HpkeVectors.Seq0("aad"), HpkeVectors.Seq0("ct"), out var plaintext);

        Assert.True(opened);
        Assert.Equal(HpkeVectors.Seq0("pt"), plaintext);
    }
}
