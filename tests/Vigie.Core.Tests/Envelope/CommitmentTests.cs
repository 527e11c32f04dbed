using Vigie.Core.Ledger;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;

namespace Vigie.Core.Tests.Envelopes;

public sealed class CommitmentTests
{
    [Fact]
    public void Compute_IsSha256OfSaltThenBody_KnownAnswer()
    {
        var commitment = Commitment.Compute(CountingSalt(), Utf8("""{"a":1}"""));
        Assert.Equal(Convert.FromHexString(SmallBodyCommitmentHex), commitment);
    }

    [Fact]
    public void Compute_Throws_ForSaltOfWrongLength()
    {
        Assert.Throws<ArgumentException>(() => Commitment.Compute(new byte[31], Utf8("{}")));
    }

    [Fact]
    public void Matches_IsTrue_ForTheRevealedBody()
    {
        var (envelope, sealedBody) = Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody());
        Assert.True(Commitment.Matches(envelope, sealedBody));
        Assert.True(Commitment.Matches(envelope, new SealedBody(CopyOf(sealedBody.Salt), Utf8("""{"a":1}"""))));
    }

    [Fact]
    public void Matches_IsFalse_ForAnotherSalt()
    {
        var (envelope, sealedBody) = Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody());
        var salt = CopyOf(sealedBody.Salt);
        salt[0] ^= 1;

        Assert.False(Commitment.Matches(envelope, sealedBody with { Salt = salt }));
    }

    [Fact]
    public void Matches_IsFalse_ForAChangedBody()
    {
        var (envelope, sealedBody) = Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody());

        Assert.False(Commitment.Matches(envelope, sealedBody with { CanonicalBody = Utf8("""{"a":2}""") }));
        // Same JSON value, different bytes: the commitment binds the canonical bytes.
        Assert.False(Commitment.Matches(envelope, sealedBody with { CanonicalBody = Utf8("""{"a":1.0}""") }));
    }

    [Fact]
    public void Matches_IsFalse_ForPublicEnvelopeOrShortSalt()
    {
        var publicEntry = Envelope.CreatePublic("evidence.recorded/v1", Time, null, SmallBody());
        var (sealedEntry, sealedBody) = Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody());

        Assert.False(Commitment.Matches(publicEntry, sealedBody));
        Assert.False(Commitment.Matches(sealedEntry, sealedBody with { Salt = sealedBody.Salt[..16] }));
    }

    private static byte[] CopyOf(byte[] bytes) => [.. bytes];
}
