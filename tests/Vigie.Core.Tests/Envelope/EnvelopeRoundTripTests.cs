using Vigie.Core.Ledger;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;

namespace Vigie.Core.Tests.Envelopes;

public sealed class EnvelopeRoundTripTests
{
    [Fact]
    public void CreatePublic_SerializesToSortedCanonicalJson()
    {
        var time = new DateTimeOffset(2026, 11, 27, 17, 22, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        var body = Parse("""{"title": "Red team report", "score": 0.50, "tags": ["b", "a"]}""");

        var envelope = Envelope.CreatePublic("evidence.recorded/v1", time, "alice", body);

        // Members sorted (RFC 8785 §3.2.3), time in UTC with milliseconds, sub-millisecond ticks dropped.
        Assert.Equal(
            """{"actor":"alice","body":{"score":0.5,"tags":["b","a"],"title":"Red team report"},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""",
            Text(envelope.ToCanonicalJson()));
    }

    [Fact]
    public void TryParse_RoundTripsPublicEnvelope()
    {
        var original = Envelope.CreatePublic("decision.signed/v1", Time, "bob.smith", Parse("""{"decision":"ship","votes":[3,1]}"""));
        var bytes = original.ToCanonicalJson();

        Assert.True(Envelope.TryParse(bytes, out var parsed, out var error), error);

        Assert.Null(error);
        Assert.Equal(original, parsed);
        Assert.Equal(Visibility.Public, parsed!.Visibility);
        Assert.Equal("ship", parsed.Body!.Value.GetProperty("decision").GetString());
        Assert.Null(parsed.Commitment);
        Assert.Equal(bytes, parsed.ToCanonicalJson());
    }

    [Fact]
    public void CreateSealed_CommitsToSaltAndCanonicalBody_KnownAnswer()
    {
        Assert.True(Envelope.TryCreateSealed(
            "concern.raised/v1", Time, null, Visibility.Confidential, SmallBody(), CountingSalt(),
            out var envelope, out var sealedBody, out _, out var error), error);

        Assert.Equal(
            $$"""{"commitment":"sha256:{{SmallBodyCommitmentHex}}","kind":"concern.raised/v1","time":"2026-11-27T16:22:00.123Z","visibility":"confidential"}""",
            Text(envelope!.ToCanonicalJson()));
        Assert.Equal("""{"a":1}""", Text(sealedBody!.CanonicalBody));
        Assert.Equal(CountingSalt(), sealedBody.Salt);
    }

    [Fact]
    public void TryParse_RoundTripsSealedEnvelope()
    {
        var (original, sealedBody) = Envelope.CreateSealed("waiver.granted/v2", Time, "carol", Visibility.Internal, Parse("""{"reason":"x"}"""));
        var bytes = original.ToCanonicalJson();

        Assert.True(Envelope.TryParse(bytes, out var parsed, out var error), error);

        Assert.Equal(original, parsed);
        Assert.Null(parsed!.Body);
        Assert.Equal(original.Commitment, parsed.Commitment);
        Assert.Equal(bytes, parsed.ToCanonicalJson());
        Assert.True(Commitment.Matches(parsed, sealedBody));
    }

    [Fact]
    public void CreateSealed_UsesAFreshSaltEachTime()
    {
        var (first, firstSealed) = Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody());
        var (second, secondSealed) = Envelope.CreateSealed("concern.raised/v1", Time, null, Visibility.Confidential, SmallBody());

        Assert.Equal(32, firstSealed.Salt.Length);
        Assert.NotEqual(firstSealed.Salt, secondSealed.Salt);
        Assert.NotEqual(first.Commitment, second.Commitment);
    }

    [Fact]
    public void AnonymousEnvelope_OmitsActor()
    {
        var envelope = Envelope.CreatePublic("concern.acknowledged/v1", Time, null, Parse("{}"));

        Assert.Equal(
            """{"body":{},"kind":"concern.acknowledged/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""",
            Text(envelope.ToCanonicalJson()));
        Assert.True(Envelope.TryParse(envelope.ToCanonicalJson(), out var parsed, out _));
        Assert.Null(parsed!.Actor);
    }

    [Fact]
    public void Time_IsStoredInUtc_TruncatedToMilliseconds()
    {
        var local = new DateTimeOffset(2026, 11, 27, 11, 22, 0, 999, TimeSpan.FromHours(-5)).AddTicks(9999);

        var envelope = Envelope.CreatePublic("evidence.recorded/v1", local, null, Parse("{}"));

        Assert.Equal(TimeSpan.Zero, envelope.Time.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 22, 0, 999, TimeSpan.Zero), envelope.Time);
    }

    [Fact]
    public void Body_SurvivesDisposalOfCallersDocument()
    {
        Envelope envelope;
        using (var document = System.Text.Json.JsonDocument.Parse("""{"k":"v"}"""))
        {
            envelope = Envelope.CreatePublic("evidence.recorded/v1", Time, null, document.RootElement);
        }

        Assert.Equal("v", envelope.Body!.Value.GetProperty("k").GetString());
    }
}
