using System.Buffers.Binary;
using System.Text;
using Vigie.Core.Ledger;
using Vigie.Core.Tests.Ledger;
using Vigie.Core.Witnesses;
using Xunit;

namespace Vigie.Core.Tests.Witnesses;

public sealed class CosignatureTests
{
    private static NoteSignature SignatureOf(string line)
    {
        var parts = line["— ".Length..].Split(' ');
        var bytes = Convert.FromBase64String(parts[1]);
        return new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
    }

    [Fact]
    public void Message_IsTheSpecExample_ByteForByte()
    {
        var message = Cosignature.Message(CosignatureVectors.Text("specCheckpointText"), CosignatureVectors.Number("specTimestamp"));
        Assert.Equal(CosignatureVectors.Text("specSignedMessage"), Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void SpecExampleCosignature_ParsesToItsTimestamp_AndWritesBackTheSameLine()
    {
        var line = CosignatureVectors.Text("specCosignatureLine");
        Assert.True(Cosignature.TryFrom(SignatureOf(line), out var cosignature, out var error), error);
        Assert.Equal("witness.example.com/w1", cosignature!.Name);
        Assert.Equal(CosignatureVectors.Number("specTimestamp"), cosignature.Timestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1679315147), cosignature.Time);
        Assert.Equal(64, cosignature.Signature.Length);
        Assert.Equal(line + "\n", cosignature.ToLine());
    }

    [Fact]
    public void FormatsTimestampVector_ReadsItsTime_AndAPlainNoteSignatureIsRefused()
    {
        var bytes = Convert.FromBase64String(CosignatureVectors.Text("formatsTimestampSignature"));
        var signature = new NoteSignature("w", BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
        Assert.True(Cosignature.TryFrom(signature, out var cosignature, out _));
        Assert.Equal(CosignatureVectors.Number("formatsTimestamp"), cosignature!.Timestamp);

        var plain = Convert.FromBase64String(CosignatureVectors.Text("formatsPlainSignature"));
        Assert.False(Cosignature.TryFrom(new NoteSignature("w", 1, plain[4..]), out _, out var error));
        Assert.Contains("72", error);
    }

    [Fact]
    public void CosignerKeyFromFormats_ParsesWithItsKeyId_AndALogKeyIsRefusedAsAWitnessKey()
    {
        var key = CosignatureVectors.Text("formatsCosignerKey");
        Assert.True(CosignatureVerifier.TryParse(key, out var verifier, out var error), error);
        Assert.Equal(0xda77ade7u, verifier!.KeyId);
        Assert.Equal(key, verifier.VerifierKey);

        Assert.False(CosignatureVerifier.TryParse(CosignatureVectors.Text("formatsLogKeyNotCosigner"), out _, out var logKeyError));
        Assert.Contains("0x04", logKeyError);
        Assert.False(CosignatureVerifier.TryParse("remora.n621.de+da77ade8+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2", out _, out var idError));
        Assert.Contains("does not match", idError);
    }

    [Fact]
    public void Cosign_VerifiesWithItsKey_AndNotOverAnotherCheckpointOrTime()
    {
        var cosigner = Cosigner.Generate("witness.example/w1");
        var text = CosignatureVectors.Text("specCheckpointText");
        var cosignature = cosigner.Cosign(text, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        Assert.Equal(1_800_000_000ul, cosignature.Timestamp);
        Assert.True(cosigner.Verifier.Verify(cosignature, text).IsValid);

        var otherText = text.Replace("20852163", "20852164", StringComparison.Ordinal);
        Assert.False(cosigner.Verifier.Verify(cosignature, otherText).IsValid);
        Assert.False(cosigner.Verifier.Verify(cosignature with { Timestamp = 1_800_000_001 }, text).IsValid);
        Assert.False(Cosigner.Generate("witness.example/w1").Verifier.Verify(cosignature, text).IsValid);
    }

    [Fact]
    public void CosignatureKey_IsNotALogKey_TheKeyIdsDifferForTheSameKey()
    {
        // The same Ed25519 key gives a different key id with type 0x04 than with 0x01, so a
        // verifier never mistakes a cosignature for the log's own signature or the reverse.
        var cosigner = Cosigner.Generate("same-name");
        var asLogKey = NoteVerifier.FromPublicKey("same-name", cosigner.Verifier.PublicKey);
        Assert.NotEqual(asLogKey.KeyId, cosigner.Verifier.KeyId);
    }

    [Fact]
    public void SignerKey_RoundTrips_AndIsNeverInToString()
    {
        var cosigner = Cosigner.Generate("witness.example/w2");
        Assert.True(Cosigner.TryParse(cosigner.SignerKey, out var again, out var error), error);
        Assert.Equal(cosigner.Verifier.VerifierKey, again!.Verifier.VerifierKey);
        Assert.DoesNotContain("PRIVATE", cosigner.ToString());
        Assert.False(Cosigner.TryParse(cosigner.SignerKey.Replace("+AQ", "+AX", StringComparison.Ordinal) + "x", out _, out _));
    }
}
