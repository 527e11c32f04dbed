using System.Text.Json;
using Vigie.Core.Ledger;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;

namespace Vigie.Core.Tests.Envelopes;

public sealed class EnvelopeValidationTests
{
    [Theory]
    [InlineData("evidence.recorded/v1", true)]
    [InlineData("decision.signed/v1", true)]
    [InlineData("risk.threshold-crossed/v12", true)]
    [InlineData("a.b.c/v9999", true)]
    [InlineData("evidence.recorded/v10000", false)]
    [InlineData("evidence.recorded/v01", false)]
    [InlineData("evidence/v1", false)]
    [InlineData("Evidence.recorded/v1", false)]
    [InlineData("evidence.recorded/V1", false)]
    [InlineData("evidence.recorded/v1\n", false)]
    [InlineData("-evidence.recorded/v1", false)]
    [InlineData("", false)]
    public void IsValidKind_FollowsThePattern(string kind, bool expected)
    {
        Assert.Equal(expected, Envelope.IsValidKind(kind));
    }

    [Fact]
    public void IsValidKind_LimitsLengthTo100()
    {
        string Kind(int length) => "a." + new string('b', length - 5) + "/v1";

        Assert.Equal(100, Kind(100).Length);
        Assert.True(Envelope.IsValidKind(Kind(100)));
        Assert.False(Envelope.IsValidKind(Kind(101)));
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("bob.smith", true)]
    [InlineData("0day_hunter-2", true)]
    [InlineData("Alice", false)]
    [InlineData(".alice", false)]
    [InlineData("_alice", false)]
    [InlineData("al ice", false)]
    [InlineData("alice\n", false)]
    [InlineData("alicé", false)]
    [InlineData("", false)]
    public void IsValidActor_FollowsThePattern(string actor, bool expected)
    {
        Assert.Equal(expected, Envelope.IsValidActor(actor));
    }

    [Fact]
    public void IsValidActor_LimitsLengthTo64()
    {
        Assert.True(Envelope.IsValidActor(new string('a', 64)));
        Assert.False(Envelope.IsValidActor(new string('a', 65)));
    }

    [Fact]
    public void CreatePublic_ThrowsArgumentException_ForProgrammingErrors()
    {
        Assert.Throws<ArgumentException>(() => Envelope.CreatePublic("Bad Kind", Time, null, Parse("{}")));
        Assert.Throws<ArgumentException>(() => Envelope.CreatePublic("evidence.recorded/v1", Time, "Not Valid", Parse("{}")));
        Assert.Throws<ArgumentException>(() => Envelope.CreatePublic("evidence.recorded/v1", Time, null, Parse("[1]")));
        Assert.Throws<ArgumentException>(() => Envelope.CreatePublic("evidence.recorded/v1", Time, null, default));
        Assert.Throws<ArgumentException>(() => Envelope.CreatePublic("evidence.recorded/v1", Time, null, Parse("""{"a":1,"a":2}""")));
    }

    [Fact]
    public void CreateSealed_ThrowsArgumentException_ForPublicVisibility()
    {
        Assert.Throws<ArgumentException>(() => Envelope.CreateSealed("evidence.recorded/v1", Time, null, Visibility.Public, Parse("{}")));
    }

    [Fact]
    public void TryCreatePublic_AcceptsExactlyMaxBytes_AndRejectsOneMore()
    {
        var empty = Envelope.CreatePublic("evidence.recorded/v1", Time, null, Parse("""{"x":""}""")).ToCanonicalJson().Length;
        JsonElement Body(int size) => Parse($$"""{"x":"{{new string('a', size)}}"}""");
        var fits = Envelope.MaxBytes - empty;

        Assert.True(Envelope.TryCreatePublic("evidence.recorded/v1", Time, null, Body(fits), out var largest, out var error), error);
        var bytes = largest!.ToCanonicalJson();
        Assert.Equal(65535, bytes.Length);
        Assert.True(Envelope.TryParse(bytes, out _, out _));

        Assert.False(Envelope.TryCreatePublic("evidence.recorded/v1", Time, null, Body(fits + 1), out var tooLarge, out error));
        Assert.Null(tooLarge);
        Assert.Contains("65535", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCanonicalJson_Throws_ForInconsistentEnvelope()
    {
        var publicWithoutBody = new Envelope { Kind = "evidence.recorded/v1", Time = Time, Visibility = Visibility.Public };
        var internalWithBody = new Envelope { Kind = "evidence.recorded/v1", Time = Time, Visibility = Visibility.Internal, Body = Parse("{}") };
        var shortCommitment = new Envelope { Kind = "evidence.recorded/v1", Time = Time, Visibility = Visibility.Internal, Commitment = new byte[31] };
        var badKind = new Envelope { Kind = "nope", Time = Time, Visibility = Visibility.Public, Body = Parse("{}") };

        Assert.Throws<InvalidOperationException>(publicWithoutBody.ToCanonicalJson);
        Assert.Throws<InvalidOperationException>(internalWithBody.ToCanonicalJson);
        Assert.Throws<InvalidOperationException>(shortCommitment.ToCanonicalJson);
        Assert.Throws<InvalidOperationException>(badKind.ToCanonicalJson);
    }

    [Fact]
    public void Envelopes_WithSameContent_AreEqual()
    {
        var a = Envelope.CreatePublic("evidence.recorded/v1", Time, "alice", Parse("""{"b":1,"a":[true]}"""));
        var b = Envelope.CreatePublic("evidence.recorded/v1", Time, "alice", Parse("""{"a":[true],"b":1.0}"""));
        var c = Envelope.CreatePublic("evidence.recorded/v1", Time, "alice", Parse("""{"a":[false],"b":1}"""));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
