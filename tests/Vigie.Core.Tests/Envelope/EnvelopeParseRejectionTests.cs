using Vigie.Core.Ledger;
using Xunit;
using static Vigie.Core.Tests.Envelopes.EnvelopeTestData;

namespace Vigie.Core.Tests.Envelopes;

/// <summary>TryParse accepts exactly the canonical bytes of a valid envelope, and says why otherwise.</summary>
public sealed class EnvelopeParseRejectionTests
{
    private const string T = "2026-11-27T16:22:00.123Z";
    private const string C = "sha256:" + SmallBodyCommitmentHex;
    private const string ValidPublic = """{"actor":"alice","body":{"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""";
    private const string ValidSealed = """{"commitment":"sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e","kind":"concern.raised/v1","time":"2026-11-27T16:22:00.123Z","visibility":"confidential"}""";

    private static string Rejected(byte[] utf8)
    {
        var ok = Envelope.TryParse(utf8, out var envelope, out var error);
        Assert.False(ok, "expected rejection of " + Text(utf8));
        Assert.Null(envelope);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    [Theory]
    [InlineData(ValidPublic)]
    [InlineData(ValidSealed)]
    public void TryParse_AcceptsTheBaselines(string json)
    {
        // The rejections below are each one change away from these.
        Assert.True(Envelope.TryParse(Utf8(json), out var envelope, out var error), error);
        Assert.NotNull(envelope);
    }

    [Theory]
    [InlineData("""{"actor":"alice","body":{"x":1},"extra":true,"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""", "\"extra\"")]
    [InlineData("""{"commitment":"sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e","kind":"concern.raised/v1","salt":"00","time":"2026-11-27T16:22:00.123Z","visibility":"confidential"}""", "\"salt\"")]
    public void TryParse_RejectsUnknownField_NamingIt(string json, string fieldName)
    {
        var error = Rejected(Utf8(json));
        Assert.Contains("unknown field", error, StringComparison.Ordinal);
        Assert.Contains(fieldName, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($$"""{"actor":"alice","body":{"x":1},"time":"{{T}}","visibility":"public"}""", "\"kind\"")]
    [InlineData("""{"actor":"alice","body":{"x":1},"kind":"evidence.recorded/v1","visibility":"public"}""", "\"time\"")]
    [InlineData($$"""{"actor":"alice","body":{"x":1},"kind":"evidence.recorded/v1","time":"{{T}}"}""", "\"visibility\"")]
    [InlineData($$"""{"kind":"evidence.recorded/v1","time":"{{T}}","visibility":"public"}""", "\"body\"")]
    [InlineData($$"""{"kind":"concern.raised/v1","time":"{{T}}","visibility":"internal"}""", "\"commitment\"")]
    public void TryParse_RejectsMissingRequiredField(string json, string fieldName)
    {
        var error = Rejected(Utf8(json));
        Assert.Contains("missing", error, StringComparison.Ordinal);
        Assert.Contains(fieldName, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Evidence.recorded/v1")]
    [InlineData("evidence/v1")]
    [InlineData("evidence.recorded")]
    [InlineData("evidence.recorded/v0")]
    [InlineData("evidence.recorded/v10000")]
    [InlineData("evidence..recorded/v1")]
    [InlineData("evidence.1recorded/v1")]
    [InlineData("evidence.recorded/v1\\n")]
    public void TryParse_RejectsBadKind(string kind)
    {
        var json = $$"""{"body":{},"kind":"{{kind}}","time":"{{T}}","visibility":"public"}""";
        Assert.Contains("kind", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Alice\"")]
    [InlineData("\"-alice\"")]
    [InlineData("\"al ice\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void TryParse_RejectsBadActor(string actorJson)
    {
        var json = $$"""{"actor":{{actorJson}},"body":{},"kind":"evidence.recorded/v1","time":"{{T}}","visibility":"public"}""";
        Assert.Contains("actor", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RejectsActorLongerThan64()
    {
        var json = $$"""{"actor":"{{new string('a', 65)}}","body":{},"kind":"evidence.recorded/v1","time":"{{T}}","visibility":"public"}""";
        Assert.Contains("actor", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal")]
    [InlineData("confidential")]
    public void TryParse_RejectsBody_OnNonPublicEntry(string visibility)
    {
        var withBoth = $$"""{"body":{"x":1},"commitment":"{{C}}","kind":"concern.raised/v1","time":"{{T}}","visibility":"{{visibility}}"}""";
        var bodyOnly = $$"""{"body":{"x":1},"kind":"concern.raised/v1","time":"{{T}}","visibility":"{{visibility}}"}""";

        Assert.Contains("\"body\"", Rejected(Utf8(withBoth)), StringComparison.Ordinal);
        Assert.Contains("\"body\"", Rejected(Utf8(bodyOnly)), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RejectsCommitment_OnPublicEntry()
    {
        var json = $$"""{"body":{"x":1},"commitment":"{{C}}","kind":"evidence.recorded/v1","time":"{{T}}","visibility":"public"}""";
        Assert.Contains("\"commitment\"", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:4F19620C461D8A7DBCE184D078AE5CEA8D74BDF4CB77C5B4525343A83029003E")]
    [InlineData("sha256:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a830290")]
    [InlineData("sha512:4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e")]
    [InlineData("4f19620c461d8a7dbce184d078ae5cea8d74bdf4cb77c5b4525343a83029003e")]
    public void TryParse_RejectsMalformedCommitment(string commitment)
    {
        var json = $$"""{"commitment":"{{commitment}}","kind":"concern.raised/v1","time":"{{T}}","visibility":"internal"}""";
        Assert.Contains("commitment", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27T16:22:00Z")]
    [InlineData("2026-11-27T16:22:00.1234Z")]
    [InlineData("2026-11-27T17:22:00.123+01:00")]
    [InlineData("2026-11-27 16:22:00.123Z")]
    [InlineData("2026-02-30T16:22:00.123Z")]
    public void TryParse_RejectsTimeNotInUtcMillisecondForm(string time)
    {
        var json = $$"""{"body":{},"kind":"evidence.recorded/v1","time":"{{time}}","visibility":"public"}""";
        Assert.Contains("time", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("secret")]
    [InlineData("0")]
    public void TryParse_RejectsUnknownVisibility(string visibility)
    {
        var json = $$"""{"body":{},"kind":"evidence.recorded/v1","time":"{{T}}","visibility":"{{visibility}}"}""";
        Assert.Contains("visibility", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"actor": "alice","body":{"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    [InlineData("""{"actor":"alice","body":{"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"} """)]
    [InlineData("""{"body":{"x":1},"actor":"alice","kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    [InlineData("""{"actor":"alice","body":{"x":1.0},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    [InlineData("""{"actor":"\u0061lice","body":{"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    [InlineData("""{"actor":"alice","body":{"y":2,"x":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    public void TryParse_RejectsNonCanonicalInput(string json)
    {
        Assert.Contains("canonical", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RejectsOversizedInput()
    {
        var json = $$"""{"body":{"x":"{{new string('a', Envelope.MaxBytes)}}"},"kind":"evidence.recorded/v1","time":"{{T}}","visibility":"public"}""";
        Assert.Contains("65535", Rejected(Utf8(json)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xff })]
    [InlineData(new byte[] { 0x7b, 0x22, 0xc3, 0x22, 0x3a, 0x31, 0x7d })] // {"<truncated é>":1}
    [InlineData(new byte[] { 0xef, 0xbb, 0xbf, 0x7b, 0x7d })] // valid UTF-8, but a BOM is not JSON
    public void TryParse_RejectsNonUtf8OrNonJsonBytes(byte[] bytes)
    {
        Rejected(bytes);
    }

    [Fact]
    public void TryParse_RejectsInvalidUtf8_SayingSo()
    {
        var bytes = Utf8(ValidPublic);
        bytes[Array.IndexOf(bytes, (byte)'l')] = 0xC0; // "alice" -> "a\xC0ice"
        Assert.Contains("UTF-8", Rejected(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"entry\"")]
    [InlineData("""{"body":[],"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    [InlineData("""{"body":{"a":1,"a":1},"kind":"evidence.recorded/v1","time":"2026-11-27T16:22:00.123Z","visibility":"public"}""")]
    [InlineData("")]
    public void TryParse_RejectsWrongShapes(string json)
    {
        Rejected(Utf8(json));
    }
}
