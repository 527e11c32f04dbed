using System.Text;
using System.Text.Json;
using Vigie.Core.Concerns;
using Xunit;

namespace Vigie.Core.Tests.Concerns;

/// <summary>
/// Vectors/concern-envelope-v1.json: an envelope with every input fixed (RFC 9180's key pairs,
/// a counting content secret). Made by Vigie, so it guards the format against drift and gives the
/// browser implementation a target; the outside known answers are RFC 9180's (HpkeKnownAnswerTests).
/// </summary>
public sealed class ConcernEnvelopeFixtureTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "concern-envelope-v1.json"))).RootElement;

    [Fact]
    public void Seal_WithTheFixtureInputs_GivesTheFixtureEnvelope()
    {
        var recipients = new[] { "a11", "a21" }.Select(v => ConcernKeyPair.FromPrivate(HpkeVectors.Hex(v, "skRm")).PublicKey).ToList();
        var ephemeral = new[] { "a11", "a21" };

        var envelope = ConcernEnvelope.Seal(
            Encoding.UTF8.GetBytes(Fixture.GetProperty("content").GetString()!), recipients,
            Convert.FromHexString(Fixture.GetProperty("contentSecret").GetString()!),
            i => HpkeVectors.Hex(ephemeral[i], "skEm"));

        Assert.Equal(Fixture.GetProperty("envelope").GetString(), envelope.ToJson());
        Assert.Equal(Fixture.GetProperty("digest").GetString(), Convert.ToHexStringLower(envelope.Digest()));
    }

    [Theory]
    [InlineData("a11")]
    [InlineData("a21")]
    public void Open_TheFixtureEnvelope_GivesTheFixtureContent(string recipient)
    {
        Assert.True(ConcernEnvelope.TryParse(Fixture.GetProperty("envelope").GetString(), out var envelope, out var error), error);

        var result = envelope.Open(ConcernKeyPair.FromPrivate(HpkeVectors.Hex(recipient, "skRm")));

        Assert.True(result.IsOpened, result.Message);
        Assert.Equal(Fixture.GetProperty("content").GetString(), Encoding.UTF8.GetString(result.Content!));
    }
}
