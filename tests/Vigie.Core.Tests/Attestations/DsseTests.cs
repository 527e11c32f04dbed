using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigie.Core.Attestations;
using Vigie.Core.Ledger;
using Xunit;

namespace Vigie.Core.Tests.Attestations;

/// <summary>DSSE's pre-authentication encoding and signatures, held to the DSSE specification's own vectors (Vectors/dsse.json).</summary>
public sealed class DsseTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "dsse.json"))).RootElement;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var v in Vectors.GetProperty("vectors").EnumerateArray())
        {
            data.Add(v.GetProperty("id").GetString()!);
        }

        return data;
    }

    private static JsonElement Vector(string id) => Vectors.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static NoteVerifier KeyA() =>
        NoteVerifier.FromPublicKey("dsse-test", Convert.FromHexString(Vectors.GetProperty("ed25519KeyA").GetProperty("public").GetString()!));

    [Fact]
    public void Pae_OfTheProtocolExample_IsTheSpecsText()
    {
        var example = Vectors.GetProperty("protocolExample");

        var pae = Dsse.Pae(example.GetProperty("payloadType").GetString()!, Encoding.UTF8.GetBytes(example.GetProperty("body").GetString()!));

        Assert.Equal(example.GetProperty("pae").GetString(), Encoding.ASCII.GetString(pae));
    }

    [Fact]
    public void TheProtocolExamplesEcdsaSignature_VerifiesOverOurPae_AndNotOverAnotherBody()
    {
        var example = Vectors.GetProperty("protocolExample");
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Coordinate(example, "x"), Y = Coordinate(example, "y") },
        });
        var signature = Convert.FromBase64String(example.GetProperty("sig").GetString()!);
        var type = example.GetProperty("payloadType").GetString()!;

        Assert.True(key.VerifyData(Dsse.Pae(type, "hello world"u8), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.False(key.VerifyData(Dsse.Pae(type, "hello world!"u8), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.False(key.VerifyData("hello world"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pae_MatchesEveryVector_AndKeyAsSignatureVerifiesOverIt(string id)
    {
        var v = Vector(id);
        var payload = Dsse.DecodeBase64(v.GetProperty("payload").GetString())!;
        var signedType = v.TryGetProperty("paeOf", out var paeOf) ? paeOf.GetString()! : v.GetProperty("payloadType").GetString()!;

        var pae = Dsse.Pae(signedType, payload);

        Assert.Equal(v.GetProperty("pae").GetString(), Convert.ToHexStringLower(pae));
        Assert.True(KeyA().Verify(pae, Dsse.DecodeBase64(v.GetProperty("sig").GetString())!));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Open_AcceptsOrRejectsAsTheVectorSays_ForTheInTotoType(string id)
    {
        var v = Vector(id);
        var envelope = new DsseEnvelope(v.GetProperty("payload").GetString()!, v.GetProperty("payloadType").GetString()!,
            [new DsseSignature("A", v.GetProperty("sig").GetString()!)]);

        var payload = ReleaseAttestation.Open(envelope, KeyA(), out var error);

        // Vigie supports only the in-toto type, so an accepted vector of another type is refused by type, not by signature.
        var accept = v.GetProperty("expect").GetString() == "accept" && envelope.PayloadType == Dsse.InTotoPayloadType;
        Assert.Equal(accept, payload is not null);
        if (!accept)
        {
            // A signature made for another type does not verify; a genuine one over an unsupported type is refused by type.
            Assert.Contains(v.GetProperty("expect").GetString() == "reject" ? "no signature" : "payload type", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sign_WithKeyA_GivesTheVectorsSignature_Ed25519BeingDeterministic()
    {
        var a = Vectors.GetProperty("ed25519KeyA");
        var verifier = KeyA();
        var seed = Convert.FromHexString(a.GetProperty("seed").GetString()!);
        var signerKey = $"PRIVATE+KEY+dsse-test+{verifier.KeyId.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String([0x01, .. seed])}";
        Assert.True(NoteSigner.TryParse(signerKey, out var signer, out var error), error);
        var v = Vector("single-signature");

        var signature = signer!.SignRaw(Dsse.Pae(Dsse.InTotoPayloadType, Convert.FromBase64String(v.GetProperty("payload").GetString()!)));

        Assert.Equal(v.GetProperty("sig").GetString(), Convert.ToBase64String(signature));
    }

    [Fact]
    public void Open_RefusesATamperedPayload_AndAnotherKey()
    {
        var v = Vector("single-signature");
        var tampered = new DsseEnvelope(Convert.ToBase64String("{\"_type\":\"x\"}"u8), Dsse.InTotoPayloadType, [new DsseSignature(null, v.GetProperty("sig").GetString()!)]);
        var genuine = new DsseEnvelope(v.GetProperty("payload").GetString()!, Dsse.InTotoPayloadType, [new DsseSignature(null, v.GetProperty("sig").GetString()!)]);

        Assert.Null(ReleaseAttestation.Open(tampered, KeyA(), out var error));
        Assert.Contains("no signature", error, StringComparison.Ordinal);
        Assert.Null(ReleaseAttestation.Open(genuine, NoteSigner.Generate("other").Verifier, out _));
        Assert.NotNull(ReleaseAttestation.Open(genuine, KeyA(), out _));
    }

    private static byte[] Coordinate(JsonElement example, string name)
    {
        var value = BigInteger.Parse(example.GetProperty("p256").GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }
}
