using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Concerns;
using Vigie.Core.Json;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

public sealed class ConcernEnvelopeTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("{\"text\":\"The red-team results were removed from the model card.\"}");

    [Fact]
    public void Seal_EveryRecipientOpensTheSameContent()
    {
        var recipients = new[] { ConcernKeyPair.Generate(), ConcernKeyPair.Generate(), ConcernKeyPair.Generate() };

        var envelope = ConcernEnvelope.Seal(Content, [.. recipients.Select(r => r.PublicKey)]);

        Assert.Equal(recipients.Select(r => r.PublicKey.KeyId), envelope.RecipientKeyIds);
        Assert.All(recipients, r =>
        {
            var result = envelope.Open(r);
            Assert.True(result.IsOpened, result.Message);
            Assert.Equal(ConcernOpenError.None, result.Error);
            Assert.Equal(Content, result.Content);
        });
    }

    [Fact]
    public void Open_WithAKeyItIsNotSealedTo_SaysSoAndNamesTheKeys()
    {
        var recipient = ConcernKeyPair.Generate();
        var outsider = ConcernKeyPair.Generate();
        var envelope = ConcernEnvelope.Seal(Content, [recipient.PublicKey]);

        var result = envelope.Open(outsider);

        Assert.False(result.IsOpened);
        Assert.Equal(ConcernOpenError.NotARecipient, result.Error);
        Assert.Null(result.Content);
        Assert.Contains(outsider.PublicKey.KeyId, result.Message, StringComparison.Ordinal);
        Assert.Contains(recipient.PublicKey.KeyId, result.Message, StringComparison.Ordinal);
        Assert.False(envelope.IsSealedTo(outsider.PublicKey));
        Assert.True(envelope.IsSealedTo(recipient.PublicKey));
    }

    [Fact]
    public void ToJson_IsCanonicalAndParsesBackToTheSameEnvelope()
    {
        var recipient = ConcernKeyPair.Generate();
        var envelope = ConcernEnvelope.Seal(Content, [recipient.PublicKey, ConcernKeyPair.Generate().PublicKey]);
        var json = envelope.ToJson();

        Assert.True(Jcs.TryCanonicalize(Encoding.UTF8.GetBytes(json), out var canonical, out _));
        Assert.Equal(json, Encoding.UTF8.GetString(canonical!));
        Assert.True(ConcernEnvelope.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(json, parsed.ToJson());
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(json)), parsed.Digest());
        Assert.Equal(Content, parsed.Open(recipient).Content);
    }

    [Fact]
    public void TryParse_AcceptsWhitespaceAndAnyMemberOrder_AndGivesTheCanonicalText()
    {
        var recipient = ConcernKeyPair.Generate();
        var envelope = ConcernEnvelope.Seal(Content, [recipient.PublicKey]);
        var reordered = System.Text.Json.Nodes.JsonNode.Parse(envelope.ToJson())!.AsObject();
        var pretty = new System.Text.Json.Nodes.JsonObject(reordered.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        Assert.True(ConcernEnvelope.TryParse(pretty, out var parsed, out var error), error);
        Assert.Equal(envelope.ToJson(), parsed.ToJson());
        Assert.Equal(envelope.Digest(), parsed.Digest());
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1, 1024)]
    [InlineData(1023, 1024)]
    [InlineData(1024, 2048)]
    [InlineData(5000, 5120)]
    public void Seal_PadsTheContentToAMultipleOf1024Bytes_AndOpensToTheExactContent(int length, int padded)
    {
        var recipient = ConcernKeyPair.Generate();
        var content = new byte[length];
        Array.Fill(content, (byte)0x80);

        var envelope = ConcernEnvelope.Seal(content, [recipient.PublicKey]);

        Assert.Equal(padded + Hpke.TagSize, envelope.CiphertextLength);
        Assert.Equal(content, envelope.Open(recipient).Content);
    }

    [Fact]
    public void Seal_TheSameContentTwice_GivesUnrelatedEnvelopes()
    {
        var recipient = ConcernKeyPair.Generate().PublicKey;

        var first = ConcernEnvelope.Seal(Content, [recipient]);
        var second = ConcernEnvelope.Seal(Content, [recipient]);

        Assert.NotEqual(first.Digest(), second.Digest());
        Assert.NotEqual(first.KeyCommitment.ToArray(), second.KeyCommitment.ToArray());
    }

    [Fact]
    public void Seal_RefusesNoRecipientsTooManyAndRepeats()
    {
        var key = ConcernKeyPair.Generate().PublicKey;
        var seventeen = Enumerable.Range(0, ConcernEnvelope.MaxRecipients + 1).Select(_ => ConcernKeyPair.Generate().PublicKey).ToList();

        Assert.Throws<ArgumentException>(() => ConcernEnvelope.Seal(Content, []));
        Assert.Throws<ArgumentException>(() => ConcernEnvelope.Seal(Content, seventeen));
        Assert.Throws<ArgumentException>(() => ConcernEnvelope.Seal(Content, [key, ConcernPublicKey.Import(key.Export())]));
        Assert.Equal(16, ConcernEnvelope.Seal(Content, seventeen[..16]).RecipientKeyIds.Count);
    }
}
