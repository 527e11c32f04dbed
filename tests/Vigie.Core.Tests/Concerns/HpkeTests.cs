using System.Text;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed class HpkeTests
{
    private static readonly byte[] Info = "vigie test info"u8.ToArray();
    private static readonly byte[] Aad = "vigie test aad"u8.ToArray();
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("The evaluation was skipped before the release.");

    [Fact]
    public void SealThenOpen_GivesTheMessageBack()
    {
        var recipient = ConcernKeyPair.Generate();

        var sealedMessage = Hpke.Seal(recipient.PublicKey, Info, Aad, Message);

        Assert.Equal(Hpke.EncSize, sealedMessage.Enc.Length);
        Assert.Equal(Message.Length + Hpke.TagSize, sealedMessage.Ciphertext.Length);
        Assert.True(Hpke.TryOpen(recipient, sealedMessage.Enc, Info, Aad, sealedMessage.Ciphertext, out var plaintext));
        Assert.Equal(Message, plaintext);
    }

    [Fact]
    public void Seal_UsesAFreshEphemeralKeyEachTime()
    {
        var recipient = ConcernKeyPair.Generate().PublicKey;

        var first = Hpke.Seal(recipient, Info, Aad, Message);
        var second = Hpke.Seal(recipient, Info, Aad, Message);

        Assert.NotEqual(first.Enc, second.Enc);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public void TryOpen_RefusesAnotherKey()
    {
        var sealedMessage = Hpke.Seal(ConcernKeyPair.Generate().PublicKey, Info, Aad, Message);

        Assert.False(Hpke.TryOpen(ConcernKeyPair.Generate(), sealedMessage.Enc, Info, Aad, sealedMessage.Ciphertext, out var plaintext));
        Assert.Null(plaintext);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public void TryOpen_RefusesAnAlteredCiphertextByte(int index)
    {
        var recipient = ConcernKeyPair.Generate();
        var sealedMessage = Hpke.Seal(recipient.PublicKey, Info, Aad, Message);
        var altered = sealedMessage.Ciphertext.ToArray();
        altered[index < 0 ? altered.Length + index : index] ^= 0x01;

        Assert.False(Hpke.TryOpen(recipient, sealedMessage.Enc, Info, Aad, altered, out _));
    }

    [Fact]
    public void TryOpen_RefusesAnAlteredEnc()
    {
        var recipient = ConcernKeyPair.Generate();
        var sealedMessage = Hpke.Seal(recipient.PublicKey, Info, Aad, Message);
        var enc = sealedMessage.Enc.ToArray();
        enc[5] ^= 0x80;

        Assert.False(Hpke.TryOpen(recipient, enc, Info, Aad, sealedMessage.Ciphertext, out _));
    }

    [Fact]
    public void TryOpen_RefusesOtherInfoOrAad()
    {
        var recipient = ConcernKeyPair.Generate();
        var sealedMessage = Hpke.Seal(recipient.PublicKey, Info, Aad, Message);

        Assert.False(Hpke.TryOpen(recipient, sealedMessage.Enc, "other info"u8, Aad, sealedMessage.Ciphertext, out _));
        Assert.False(Hpke.TryOpen(recipient, sealedMessage.Enc, Info, "other aad"u8, sealedMessage.Ciphertext, out _));
    }

    [Fact]
    public void TryOpen_RefusesTruncatedInput()
    {
        var recipient = ConcernKeyPair.Generate();
        var sealedMessage = Hpke.Seal(recipient.PublicKey, Info, Aad, Message);

        Assert.False(Hpke.TryOpen(recipient, sealedMessage.Enc, Info, Aad, sealedMessage.Ciphertext[..^1], out _));
        Assert.False(Hpke.TryOpen(recipient, sealedMessage.Enc, Info, Aad, sealedMessage.Ciphertext[..(Hpke.TagSize - 1)], out _));
        Assert.False(Hpke.TryOpen(recipient, sealedMessage.Enc[..^1], Info, Aad, sealedMessage.Ciphertext, out _));
        Assert.False(Hpke.TryOpen(recipient, [], Info, Aad, [], out _));
    }

    [Fact]
    public void TryOpen_RefusesALowOrderEnc()
    {
        var recipient = ConcernKeyPair.Generate();
        var sealedMessage = Hpke.Seal(recipient.PublicKey, Info, Aad, Message);

        // An all-zero enc makes the X25519 output all zero, which RFC 9180 §7.1.4 says to refuse.
        Assert.False(Hpke.TryOpen(recipient, new byte[Hpke.EncSize], Info, Aad, sealedMessage.Ciphertext, out _));
    }

    [Fact]
    public void Seal_ToALowOrderRawKey_IsRefused()
    {
        var ephemeral = DhKemX25519.GeneratePrivateKey();

        Assert.Throws<ArgumentException>(() => Hpke.Seal(new byte[32], ephemeral, Info, Aad, Message));
    }
}
